import ECEChat
import ECESimulator
import Foundation
import Testing

/// HTTPS trust, `--insecure` and credentials in URLs, through the built binary.
@Suite("Security, as a built binary", .serialized, .timeLimit(.minutes(5)))
struct SecurityTests {
    static func startTLSSimulator(_ certificates: TestCertificates) async throws -> RunningSimulator {
        var configuration = SimulatorConfiguration()
        configuration.scenario = .preset(.calm)
        configuration.entryPoints = try EntryPointID.parseList(["1000"])
        configuration.speed = 0
        configuration.logLevel = .error
        configuration.tls = SimulatorTLSFiles(certificateChain: certificates.serverCertificate, privateKey: certificates.serverKey)
        return try await ECESimulatorServer.start(configuration)
    }

    @Test func httpsTrustsTheSystemCAsPlusCAFileAndSkipsChecksOnlyWhenToldTo() async throws {
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        let simulator = try await Self.startTLSSimulator(certificates)
        defer { Task { await simulator.stop() } }
        #expect(simulator.baseURL.hasPrefix("https://127.0.0.1:"))

        let trusted = try await BuiltBinary.run(["check", "--server", simulator.baseURL, "--ca-file", certificates.authority, "1000"])
        #expect(trusted.status == 0, "stdout: \(trusted.standardOutput) stderr: \(trusted.standardError)")
        #expect(trusted.standardOutput.contains("allowed"))

        // The system CAs do not know the test CA: refused, and the error says why.
        let untrusted = try await BuiltBinary.run(["check", "--json", "--server", simulator.baseURL, "1000"])
        #expect(untrusted.status == 3)
        #expect(untrusted.standardOutput.contains("the server's certificate is untrusted"), "\(untrusted.standardOutput)")

        let insecure = try await BuiltBinary.run(["check", "--insecure", "--server", simulator.baseURL, "1000"])
        #expect(insecure.status == 0, "stdout: \(insecure.standardOutput)")
    }

    @Test func aCAFileThatIsMissingOrNotPEMIsAOneLineErrorNamingIt() async throws {
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        for (file, message) in [(certificates.serverKey, "CA file \(certificates.serverKey) holds no PEM certificate"),
                                (certificates.folder + "/absent.pem", "cannot read CA file \(certificates.folder)/absent.pem")] {
            let result = try await BuiltBinary.run(["check", "--server", "https://127.0.0.1:1", "--ca-file", file, "1000"])
            #expect(result.status == 64)
            #expect(result.standardError.split(separator: "\n").first?.contains(message) == true, "\(result.standardError)")
        }
    }

    @Test func insecureIsAFlagOnlyNeverAConfigKey() async throws {
        let folder = try ConfigCommandTests.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try ConfigCommandTests.write("server = \"https://ece.example.com\"\ninsecure = true\n", in: folder)
        let result = try await BuiltBinary.run(["config", "check", path], environment: ["XDG_CONFIG_HOME": folder])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("\(path):2: unknown key \"insecure\""), "\(result.standardError)")
    }

    @Test func credentialsInTheServerURLAreNeverShown() async throws {
        let simulator = try await CheckCommandTests.startSimulator(.calm, "1000")
        defer { Task { await simulator.stop() } }
        let secret = simulator.baseURL.replacingOccurrences(of: "http://", with: "http://admin:s3cret@")
        let folder = try ConfigCommandTests.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runs: [([String], [String: String])] = [
            (["check", "--server", secret, "1000"], [:]),
            (["check", "--json", "--server", secret, "1000"], [:]),
            (["check", "--server", "http://admin:s3cret@127.0.0.1:1", "--timeout", "1", "1000"], [:]),
            (["check", "--server", "ftp://admin:s3cret@127.0.0.1", "1000"], [:]),
            (["check", "--server", "http://admin:s3cret@127.0.0.1:99999", "1000"], [:]),
            (["survey", "--server", secret, "--sid", "1", "--question", "q", "--answer", "a"], [:]),
            (["config", "check"], ["ECETOP_SERVER": secret, "XDG_CONFIG_HOME": folder]),
            (["check", "1000"], ["ECETOP_SERVER": secret]),
        ]
        for (arguments, environment) in runs {
            let result = try await BuiltBinary.run(arguments, environment: environment)
            let everything = result.standardOutput + result.standardError
            #expect(!everything.contains("s3cret") && !everything.contains("admin"), "\(arguments): \(everything)")
        }
        // The server did get them, as Basic authorization (the simulator ignores it).
        let check = try await BuiltBinary.run(["check", "--server", secret, "1000"])
        #expect(check.status == 0)
        #expect(check.standardOutput.contains("http://***@127.0.0.1:"))
    }

    @Test func credentialsStayOffTheDashboardTheEventsFileAndTheLog() async throws {
        let simulator = try await CheckCommandTests.startSimulator(.calm, "1000-1001")
        let tmux = try await TmuxSession()
        let folder = try ConfigCommandTests.scratchFolder()
        defer {
            tmux.kill()
            Task { await simulator.stop() }
            try? FileManager.default.removeItem(atPath: folder)
        }
        let secret = simulator.baseURL.replacingOccurrences(of: "http://", with: "http://admin:s3cret@")
        let binary = try BuiltBinary.url.path
        try await tmux.type("\(binary) watch --server \(secret) --interval 1 --log \(folder)/ecetop.log --events \(folder)/events.jsonl 1000-1001")
        let pane = try await tmux.waitFor("two panels") { $0.components(separatedBy: "allowed").count - 1 >= 2 && $0.contains("***@") }
        // The command line typed into the shell scrolls away once the dashboard takes the screen.
        #expect(!pane.contains("s3cret"))
        _ = try await simControl("\(simulator.baseURL)/sim/entrypoints/1001?active=false")
        try await tmux.waitFor("the change") { $0.contains("entry_point_inactive") }
        try await tmux.send("q")
        try await tmux.waitForShellPrompt()
        // Both files must exist and hold something: a missing one would pass any "not in it" check.
        for name in ["events.jsonl", "ecetop.log"] {
            let text = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
            #expect(!text.isEmpty, "\(name) is empty")
            #expect(!text.contains("s3cret") && !text.contains("admin"), "\(name): \(text)")
        }
        let events = try String(contentsOfFile: "\(folder)/events.jsonl", encoding: .utf8)
        #expect(events.contains("1001"), "the events file recorded nothing: \(events)")
    }
}
