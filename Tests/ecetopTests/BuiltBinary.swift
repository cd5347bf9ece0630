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

    /// Starts `ecetop` with `arguments` (no `$ECETOP_SERVER` or proxy variables unless given), its output and error on pipes.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (process: Process, output: Pipe, error: Pipe) {
        let process = Process()
        process.executableURL = try url
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged["ECETOP_SERVER"] = nil
        // The machine's proxy settings must not route a test's loopback requests elsewhere.
        for name in ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"] {
            merged[name] = nil
        }
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
        let hung = try await waitForExit(process, timeout: timeout)
        let result = Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: await out, as: UTF8.self),
            standardError: String(decoding: await err, as: UTF8.self)
        )
        if hung { throw Hung(arguments: arguments, timeout: timeout, result: result) }
        return result
    }

    /// Waits for `process` to end; past `timeout` it is killed (SIGTERM, then SIGKILL a second
    /// later). - Returns: true when it had to be killed.
    static func waitForExit(_ process: Process, timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        var hung = false
        while process.isRunning {
            let now = ContinuousClock.now
            if now > deadline + .seconds(1) {
                kill(process.processIdentifier, SIGKILL)
            } else if now > deadline, !hung {
                hung = true
                process.terminate()
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return hung
    }

    /// A run that did not end within its deadline and was killed: a hang, not an exit status.
    struct Hung: Error, CustomStringConvertible {
        var arguments: [String]
        var timeout: Duration
        var result: Result
        var description: String {
            "ecetop \(arguments.joined(separator: " ")) hung: still running after \(timeout), killed; "
                + "stdout: \(result.standardOutput.suffix(500)) stderr: \(result.standardError.suffix(500))"
        }
    }
}
