/// The known key nearest a misspelt one, for "did you mean" hints.
enum KeySuggestion {
    /// The closest of `known` to `key` within edit distance 2; ties go to the first listed.
    static func nearest(to key: String, in known: [String]) -> String? {
        var best: (key: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(key, candidate)
            if distance <= 2, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.key
    }

    /// Levenshtein distance over characters (insert, delete, substitute each cost 1).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
