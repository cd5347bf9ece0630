import Foundation

/// Runs the built `ecetop` executable, as swift-argument-parser's `AssertExecuteCommand` does.
enum BuiltBinary {
    /// The `ecetop` beside the test bundle (`swift build --build-tests` builds both there).
    static var url: URL {
        get throws {
            let bundleDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
            let candidates = [
                Bundle.main.bundleURL.appendingPathComponent("ecetop"),
                bundleDirectory.appendingPathComponent("ecetop"),
                URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/ecetop").standardized,
            ]
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
                throw BinaryNotBuilt(searched: candidates.map(\.path))
            }
            return found
        }
    }

    struct BinaryNotBuilt: Error, CustomStringConvertible {
        var searched: [String]
        var description: String { "ecetop is not built (run swift build --build-tests); looked in \(searched.joined(separator: ", "))" }
    }

    private static func readToEnd(_ handle: FileHandle) async -> Data {
        (try? await onOwnThread { handle.readDataToEndOfFile() }) ?? Data()
    }

    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Starts `ecetop` with `arguments` (no `$ECETOP_SERVER` unless given), its output and error on pipes.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (process: Process, output: Pipe, error: Pipe) {
        let process = Process()
        process.executableURL = try url
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged["ECETOP_SERVER"] = nil
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, output, error)
    }

    /// Runs `ecetop` with `arguments` and waits for it, with a generous upper bound.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(30)) async throws -> Result {
        let (process, output, error) = try start(arguments, environment: environment)
        // Blocking reads on threads of their own, never on the pool the simulator answers on.
        async let out = readToEnd(output.fileHandleForReading)
        async let err = readToEnd(error.fileHandleForReading)
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline { process.terminate() }
            try await Task.sleep(for: .milliseconds(20))
        }
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: await out, as: UTF8.self),
            standardError: String(decoding: await err, as: UTF8.self)
        )
    }
}
