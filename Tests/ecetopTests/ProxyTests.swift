import ECEChat
import ECESimulator
import Foundation
import Testing

/// Requests through a real forward proxy (Debian's tinyproxy), counted in the proxy's own log.
@Suite("Proxies, through a real tinyproxy", .serialized, .timeLimit(.minutes(3)))
struct ProxyTests {
    @Test func httpGoesThroughTheProxyTheEnvironmentNamesUnlessNoProxyExemptsIt() async throws {
        let proxy = try await Tinyproxy.start()
        defer { proxy.stop() }
        let simulator = try await CheckCommandTests.startSimulator(.calm, "1000")
        defer { Task { await simulator.stop() } }

        // async-http-client tunnels plain HTTP through the proxy with CONNECT too: tinyproxy
        // logs one line per tunnel (connection), and the simulator counts the requests.
        let tunnel = "CONNECT " + simulator.baseURL.replacingOccurrences(of: "http://", with: "")
        let through = try await BuiltBinary.run(["check", "--server", simulator.baseURL, "1000"], environment: ["HTTP_PROXY": proxy.url])
        #expect(through.status == 0, "stdout: \(through.standardOutput) stderr: \(through.standardError)")
        let first = proxy.carried(tunnel)
        #expect(first >= 1, "proxy log: \(proxy.log)")

        let lowerCase = try await BuiltBinary.run(["check", "--server", simulator.baseURL, "1000"], environment: ["http_proxy": proxy.url])
        #expect(lowerCase.status == 0)
        let second = proxy.carried(tunnel)
        #expect(second > first, "proxy log: \(proxy.log)")

        let exempt = try await BuiltBinary.run(["check", "--server", simulator.baseURL, "1000"],
                                               environment: ["HTTP_PROXY": proxy.url, "NO_PROXY": "example.com,127.0.0.1"])
        #expect(exempt.status == 0)
        #expect(proxy.carried("CONNECT ") == second, "NO_PROXY covers 127.0.0.1: nothing more through the proxy")
        #expect(await simulator.requestCounts().total == 15)
    }

    @Test func httpsGoesThroughTheProxyWithConnect() async throws {
        let proxy = try await Tinyproxy.start()
        defer { proxy.stop() }
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        let simulator = try await SecurityTests.startTLSSimulator(certificates)
        defer { Task { await simulator.stop() } }

        let result = try await BuiltBinary.run(["check", "--server", simulator.baseURL, "--ca-file", certificates.authority, "1000"],
                                               environment: ["HTTPS_PROXY": proxy.url, "HTTP_PROXY": "http://127.0.0.1:1"])
        #expect(result.status == 0, "stdout: \(result.standardOutput) stderr: \(result.standardError)")
        let authority = simulator.baseURL.replacingOccurrences(of: "https://", with: "")
        #expect(proxy.carried("CONNECT \(authority)") >= 1, "proxy log: \(proxy.log)")
        #expect(await simulator.requestCounts().total == 5)
    }

    @Test func proxyFlagWithCredentialsWorksAndNeverShowsThePassword() async throws {
        let proxy = try await Tinyproxy.start(credentials: ("ece", "s3cret"))
        defer { proxy.stop() }
        let simulator = try await CheckCommandTests.startSimulator(.calm, "1000")
        defer { Task { await simulator.stop() } }

        let good = try await BuiltBinary.run(["check", "--proxy", "http://ece:s3cret@127.0.0.1:\(proxy.port)", "--server", simulator.baseURL, "1000"])
        #expect(good.status == 0, "stdout: \(good.standardOutput) stderr: \(good.standardError)")
        #expect(proxy.carried("CONNECT ") >= 1, "proxy log: \(proxy.log)")

        let wrong = try await BuiltBinary.run(["check", "--proxy", "http://ece:wr0ng@127.0.0.1:\(proxy.port)", "--server", simulator.baseURL, "1000"])
        #expect(wrong.status == 3)
        // tinyproxy refuses the tunnel (not with 407, which would say "wants credentials").
        #expect(wrong.standardOutput.contains("capacity: cannot connect (proxy 127.0.0.1:\(proxy.port) did not open a tunnel to the server"),
                "stdout: \(wrong.standardOutput)")
        #expect(!wrong.standardOutput.contains("wr0ng") && !wrong.standardError.contains("wr0ng"))

        let badFlag = try await BuiltBinary.run(["check", "--proxy", "ftp://ece:s3cret@proxy", "--server", simulator.baseURL, "1000"])
        #expect(badFlag.status == 64)
        #expect(badFlag.standardError.contains("invalid proxy URL \"ftp://***@proxy\": the scheme must be http"), "\(badFlag.standardError)")
        #expect(!badFlag.standardError.contains("s3cret"))
    }
}
