/// The ID of an ECE chat entry point: a positive 64-bit integer, as the API's `{id}` path segment.
public struct EntryPointID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: Int64

    /// Returns nil for zero and negative values, which ECE never assigns.
    public init?(_ rawValue: Int64) {
        guard rawValue > 0 else { return nil }
        self.rawValue = rawValue
    }

    /// Parses one ID as typed by a person (`1000`), with a one-line error naming the text.
    public init(parsing text: String) throws(ChatAPIError) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw .invalidEntryPointID(text, reason: "not a positive whole number")
        }
        guard let value = Int64(trimmed) else {
            throw .invalidEntryPointID(text, reason: "larger than a 64-bit integer")
        }
        guard let id = EntryPointID(value) else {
            throw .invalidEntryPointID(text, reason: "entry point IDs start at 1")
        }
        self = id
    }

    /// Parses IDs and inclusive ranges (`1000`, `1000-1009`) in order, dropping repeats.
    ///
    /// - Parameters:
    ///   - maximumCount: refuses lists longer than this, so a typo such as `1-99999999` is an
    ///     error instead of an out-of-memory.
    ///   - refusingRepeats: an ID given twice (or in two overlapping ranges) is an error naming
    ///     it, for lists a person typed, where a repeat is a mistake rather than a merge.
    public static func parseList(
        _ arguments: [String], maximumCount: Int = 10_000, refusingRepeats: Bool = false
    ) throws(ChatAPIError) -> [EntryPointID] {
        var seen = Set<EntryPointID>()
        var result: [EntryPointID] = []
        for argument in arguments {
            for piece in argument.split(separator: ",", omittingEmptySubsequences: true) {
                let text = String(piece)
                let bounds = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
                let first: EntryPointID
                let last: EntryPointID
                if bounds.count == 2 {
                    // `-5` and `5-` are not ranges: name the text typed, not an empty half.
                    guard !bounds[0].trimmingWhitespace().isEmpty, !bounds[1].trimmingWhitespace().isEmpty else {
                        throw .invalidEntryPointID(text, reason: "not a positive whole number or a range such as 1000-1009")
                    }
                    first = try EntryPointID(parsing: String(bounds[0]))
                    last = try EntryPointID(parsing: String(bounds[1]))
                    guard first <= last else {
                        throw .invalidEntryPointID(text, reason: "range ends before it starts")
                    }
                } else {
                    first = try EntryPointID(parsing: text)
                    last = first
                }
                guard last.rawValue - first.rawValue < Int64(maximumCount) - Int64(result.count) else {
                    throw .invalidEntryPointID(text, reason: "more than \(maximumCount) entry points in all")
                }
                var value = first.rawValue
                while value <= last.rawValue {
                    let id = EntryPointID(value)!
                    if seen.insert(id).inserted {
                        result.append(id)
                    } else if refusingRepeats {
                        throw .invalidEntryPointID(text, reason: "\(id) is listed twice")
                    }
                    value += 1
                }
            }
        }
        return result
    }

    public static func < (lhs: EntryPointID, rhs: EntryPointID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Int64.self)
        guard let id = EntryPointID(value) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "entry point IDs start at 1, got \(value)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// Trims spaces, tabs and line ends (including CR) from both ends without Foundation, by
    /// bytes: every answer's fields pass through here, and most have nothing to trim.
    func trimmingWhitespace() -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let bytes = utf8
        guard let start = bytes.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = bytes.lastIndex(where: { !isSpace($0) })!
        return String(decoding: bytes[start...end], as: UTF8.self)
    }
}
