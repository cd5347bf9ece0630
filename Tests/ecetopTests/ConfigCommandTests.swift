import ECEChat
import ECESimulator
import Foundation
import Testing

/// `ecetop config check` and `--config`, run as a built binary.
@Suite("ecetop config, as a built binary", .timeLimit(.minutes(5)))
struct ConfigCommandTests {
    /// A fresh folder to stand for `$XDG_CONFIG_HOME`, so no real config file leaks in.
    static func scratchFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func write(_ text: String, in folder: String, as name: String = "config.toml") throws -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func checkPrintsTheExampleWithEachValuesSource() async throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try await BuiltBinary.run(["config", "check", ConfigFileTests.examplePath], environment: ["XDG_CONFIG_HOME": folder])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardError.isEmpty)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let path = ConfigFileTests.examplePath
        #expect(lines.first == "# ecetop configuration from \(path)")
        #expect(lines.contains("server = \"https://ece.example.com/system\" # file \(path):7"))
        #expect(lines.contains("# full-every not set: the smallest that fits the budget # default"))
        #expect(lines.contains("timeout = 3                             # file \(path):18"))
        #expect(lines.contains("wait-time = 120                         # file \(path):46"))
        #expect(lines.contains("rotate = 10                             # file \(path):57"))
        #expect(lines.contains("ids = \"1004,1006-1007\""))
        #expect(lines.last == "# entry points watched: 8 (1000-1004,1006-1007,1010), from file \(path):65")
    }

    @Test func checkWithoutAFileShowsDefaults() async throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try await BuiltBinary.run(["config", "check"], environment: ["XDG_CONFIG_HOME": folder])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "# no config file at \(folder)/ecetop/config.toml: built-in defaults apply")
        #expect(lines.contains("interval = 5                            # default"))
        #expect(lines.contains("# queue-depth not set: no queue-depth warning # default"))
        #expect(lines.contains("enabled = false                         # default"))
    }

    @Test func checkFindsTheDefaultFileAndReportsItsFirstMistake() async throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: "\(folder)/ecetop", withIntermediateDirectories: true)
        let path = try Self.write("interval = 5\n\n[thresholds]\nqueue-dept = 3\n", in: "\(folder)/ecetop")
        let result = try await BuiltBinary.run(["config", "check"], environment: ["XDG_CONFIG_HOME": folder])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == "\(path):4: unknown key \"thresholds.queue-dept\"; did you mean \"thresholds.queue-depth\"?\n")
    }

    @Test func checkOfAMissingFileIsAnError() async throws {
        let result = try await BuiltBinary.run(["config", "check", "/nonexistent/ecetop.toml"])
        #expect(result.status == 1)
        #expect(result.standardError == "/nonexistent/ecetop.toml: no such file\n")
    }

    @Test func aBadConfigStopsTheDashboardCommandsWithOneLine() async throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.write("burst = -1\n", in: folder)
        for command in ["watch", "check", "demo"] {
            let result = try await BuiltBinary.run([command, "--config", path, "1000"].filter { command != "demo" || $0 != "1000" })
            #expect(result.status == 1, "\(command): \(result.standardError)")
            #expect(result.standardError == "Error: \(path):1: \"burst\" must be between 1 and 1000000, got -1\n", "\(command)")
        }
    }

    @Test func checkTakesServerAndEntryPointsFromTheFileAndIDArgumentsReplaceThem() async throws {
        let simulator = try await CheckCommandTests.startSimulator(.mixed, "1000-1003")
        defer { Task { await simulator.stop() } }
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.write("""
            server = "\(simulator.baseURL)"
            timeout = 2

            [[entry-points]]
            ids = "1000-1001"
            group = "Sales"
            """, in: folder)
        let fromFile = try await BuiltBinary.run(["check", "--json", "--config", path])
        #expect(fromFile.status == 1, "stderr: \(fromFile.standardError)")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(fromFile.standardOutput.utf8)) as? [[String: Any]])
        #expect(objects.compactMap { ($0["id"] as? NSNumber)?.intValue } == [1000, 1001])

        let replaced = try await BuiltBinary.run(["check", "--json", "--config", path, "1003"])
        #expect(replaced.status == 2, "stderr: \(replaced.standardError)")
        let replacedObjects = try #require(try JSONSerialization.jsonObject(with: Data(replaced.standardOutput.utf8)) as? [[String: Any]])
        #expect(replacedObjects.compactMap { ($0["id"] as? NSNumber)?.intValue } == [1003])

        // The --server flag beats the file's server: a dead port fails every call.
        let overridden = try await BuiltBinary.run(["check", "--json", "--config", path, "--server", "http://127.0.0.1:1", "1000"])
        #expect(overridden.status == 3, "stdout: \(overridden.standardOutput)")
    }

    @Test func noEntryPointsAnywhereIsAUsageError() async throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.write("server = \"http://127.0.0.1:1\"\n", in: folder)
        let result = try await BuiltBinary.run(["check", "--config", path])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("Error: give at least one entry point ID (e.g. 1000-1009) or list [[entry-points]] in the config file\n"))
    }
}
