import ECEChat
import ECECommon
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Small helpers shared by the benchmark subcommands.
enum Bench {
    /// Prints one machine-readable result line for `scripts/bench`.
    static func result(_ key: String, _ value: Double) {
        print("RESULT \(key) \(format(value))")
    }

    static func result(_ key: String, _ value: Int) {
        print("RESULT \(key) \(value)")
    }

    static func format(_ value: Double) -> String { String(format: "%.6g", value) }

    /// The middle value (mean of the two middle ones for an even count).
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// `count` consecutive IDs from `first`.
    static func entryPoints(first: Int64, count: Int) -> [EntryPointID] {
        (0..<Int64(count)).compactMap { EntryPointID(first + $0) }
    }

    /// A field of /proc/self/status in kilobytes (`VmRSS`, `VmHWM`).
    static func procStatusKilobytes(_ field: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? -1
        }
        return -1
    }

    /// glibc's `malloc_stats()` (each arena's system and in-use bytes) on stderr, looked up
    /// at run time because the Glibc module does not export `<malloc.h>`.
    static func glibcMallocStats() {
        typealias MallocStats = @convention(c) () -> Void
        glibcFunction("malloc_stats", as: MallocStats.self)?()
    }

    /// CPU seconds the calling thread has used: on a machine shared with other work, a
    /// synchronous computation's wall time counts every time slice it waited for.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Sends a `/sim/…` control request (POST by default) and returns the body.
    @discardableResult
    static func control(_ url: String, method: String = "POST") async throws -> Data {
        guard let address = URL(string: url) else { throw ValidationErrorText("bad URL \(url)") }
        var request = URLRequest(url: address)
        request.httpMethod = method
        let (data, _) = try await URLSession.shared.data(for: request)
        return data
    }
}

/// An error that is just its message.
struct ValidationErrorText: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
