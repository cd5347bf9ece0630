import Foundation

/// Prometheus's own linter (`promtool`, Debian package `prometheus`; `.ci/run` installs it).
enum Promtool {
    struct NotInstalled: Error, CustomStringConvertible {
        var description = "promtool is not installed (apt-get install prometheus; .ci/run installs it)"
    }

    /// `promtool check metrics` on `text`: its exit status and what it said.
    static func checkMetrics(_ text: String) async throws -> (status: Int32, output: String) {
        guard let path = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw NotInstalled()
        }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-metrics-\(UUID().uuidString).txt")
        try text.write(to: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["check", "metrics"]
        process.standardInput = try FileHandle(forReadingFrom: input)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // Blocking waits on a thread of their own, never on the pool the exporter serves on.
        return try await onOwnThread {
            let said = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: said, as: UTF8.self))
        }
    }
}
