import ECEChat
import ECESimulator
import ECETestSupport
import Foundation
import Testing

/// `ecetop check` run as a built binary against the simulator on loopback.
@Suite("ecetop check, as a built binary", .timeLimit(.minutes(5)))
struct CheckCommandTests {
    static func startSimulator(_ preset: ScenarioPreset, _ range: String) async throws -> RunningSimulator {
        var configuration = SimulatorConfiguration()
        configuration.scenario = .preset(preset)
        configuration.entryPoints = try EntryPointID.parseList([range])
        configuration.speed = 0
        configuration.logLevel = .error
        return try await ECESimulatorServer.start(configuration)
    }

    @Test func jsonMatchesTheSimulatorAndExitIsCritical() async throws {
        let simulator = try await Self.startSimulator(.mixed, "1000-1006")
        defer { Task { await simulator.stop() } }
        let result = try await BuiltBinary.run(["check", "--json", "--server", simulator.baseURL, "1000-1006", "4242"])
        #expect(result.status == 2, "stderr: \(result.standardError)")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(objects.count == 8)
        let keys: Set<String> = ["id", "allowed", "reason", "queueDepth", "waitTime", "availableSlots", "agentAvailable", "eligibility", "errors"]
        for object in objects { #expect(Set(object.keys) == keys) }

        let byID = Dictionary(uniqueKeysWithValues: objects.map { (($0["id"] as! NSNumber).int64Value, $0) })
        for id in Int64(1000)...1006 {
            let status = try #require(await simulator.status(of: EntryPointID(id)!))
            let object = try #require(byID[id])
            #expect((object["queueDepth"] as? NSNumber)?.intValue == status.queueDepth)
            #expect((object["availableSlots"] as? NSNumber)?.intValue == status.capacity)
            #expect((object["agentAvailable"] as? Bool) == status.agentAvailable)
            #expect((object["eligibility"] as? NSNumber)?.intValue == status.eligibility.code)
            #expect((object["errors"] as? [String: String])?.isEmpty == true)
        }
        #expect(byID[1000]?["allowed"] as? Bool == true)
        #expect(byID[1000]?["reason"] is NSNull)
        #expect(byID[1001]?["reason"] as? String == "entry_point_inactive")
        #expect(byID[1002]?["reason"] as? String == "service_not_running")
        #expect(byID[1003]?["reason"] as? String == "queue_depth_reached")
        #expect(byID[1004]?["reason"] as? String == "agent_not_available")
        // Not in the simulator: chatAllowed says so, the other calls answer 500.
        #expect(byID[4242]?["reason"] as? String == "invalid_entry_point")
        #expect(byID[4242]?["queueDepth"] is NSNull)
        let errors = try #require(byID[4242]?["errors"] as? [String: String])
        #expect(errors["capacity"]?.hasPrefix("capacity: HTTP 500") == true)
        #expect(errors["chatAllowed"] == nil)
    }

    @Test func exitCodesFollowTheMonitoringPluginConvention() async throws {
        let simulator = try await Self.startSimulator(.mixed, "1000-1006")
        defer { Task { await simulator.stop() } }
        let ok = try await BuiltBinary.run(["check", "--server", simulator.baseURL, "1000"])
        #expect(ok.status == 0, "\(ok.standardOutput)")
        #expect(ok.standardOutput.contains("allowed"))
        let warning = try await BuiltBinary.run(["check", "--server", simulator.baseURL, "1000", "1001"])
        #expect(warning.status == 1)
        #expect(warning.standardOutput.contains("entry_point_inactive"))
        let critical = try await BuiltBinary.run(["check", "--server", simulator.baseURL, "1001", "1003"], environment: [:])
        #expect(critical.status == 2)
        let unknown = try await BuiltBinary.run(["check", "--server", "http://127.0.0.1:1", "--timeout", "1", "1000"])
        #expect(unknown.status == 3)
        #expect(unknown.standardOutput.contains("connection refused"))
        let viaEnvironment = try await BuiltBinary.run(["check", "1000"], environment: ["ECETOP_SERVER": simulator.baseURL])
        #expect(viaEnvironment.status == 0)
    }

    /// The table's last line sums what the server reported, and leaves out what it could not read.
    @Test(.timeLimit(.minutes(1)))
    func theTableEndsWithTheTotals() async throws {
        let simulator = try await Self.startSimulator(.mixed, "1000-1006")
        defer { Task { await simulator.stop() } }
        let result = try await BuiltBinary.run(["check", "--server", simulator.baseURL, "1000-1006", "4242"])
        var waiting = 0, slots = 0, allowed = 0, agents = 0
        for raw in Int64(1000)...1006 {
            let status = try #require(await simulator.status(of: EntryPointID(raw)!))
            waiting += status.queueDepth
            slots += status.capacity
            if status.chatAllowed.allowed { allowed += 1 }
            if status.agentAvailable { agents += 1 }
        }
        let last = result.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last == "totals: waiting \(waiting) · longest wait 7m 30s (1003) · allowed \(allowed)/8 · free slots \(slots)"
                + " · agent available \(agents)/8 · 1 left out (unread or stale)", "\(result.standardOutput)")
        // JSON output is unchanged: no totals in it.
        let json = try await BuiltBinary.run(["check", "--json", "--server", simulator.baseURL, "1000"])
        #expect(!json.standardOutput.contains("totals"))
    }

    @Test func stalledServerEndsWithinTheTimeout() async throws {
        let simulator = try await Self.startSimulator(.calm, "1000-1019")
        defer { Task { await simulator.stop() } }
        var faults = FaultSettings()
        faults.stallRate = 1
        await simulator.setFaults(faults)
        let started = ContinuousClock.now
        let result = try await BuiltBinary.run(["check", "--json", "--max-rate", "0", "--timeout", "1", "--server", simulator.baseURL, "1000-1019"])
        let took = ContinuousClock.now - started
        #expect(result.status == 3)
        // 100 requests, 8 in flight, 1 s each would take 13 s without the overall deadline.
        #expect(took < .seconds(8), "took \(took)")
        #expect(result.standardOutput.contains("no answer within 1 s (timeout)"))
    }

    /// 10,000 IDs against a server that never answers: the overall deadline ends them all, each
    /// reported unanswered. How soon (≤ 2 s of process wall time) is P7's figure in
    /// `scripts/bench`, not a test's: under ThreadSanitizer the same run takes several times longer.
    @Test(.timeLimit(.minutes(2)))
    func tenThousandIDsAgainstAServerThatNeverAnswersAreEachReportedUnanswered() async throws {
        let silent = try ListeningButSilent()
        defer { silent.close() }
        let arguments = ["check", "--json", "--max-rate", "0", "--timeout", "1", "--server", "http://127.0.0.1:\(silent.number)", "1-10000"]
        let last = try await BuiltBinary.run(arguments)
        #expect(last.status == 3, "stderr: \(last.standardError)")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(last.standardOutput.utf8)) as? [[String: Any]])
        #expect(objects.count == 10_000)
        #expect((objects.map { ($0["id"] as? NSNumber)?.intValue ?? 0 }) == Array(1...10_000))
        for object in [objects[0], objects[4_999], objects[9_999]] {
            let errors = try #require(object["errors"] as? [String: String])
            #expect(errors == Dictionary(uniqueKeysWithValues: ChatAPICall.allCases.map { ($0.rawValue, "\($0.rawValue): no answer within 1 s (timeout)") }))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func checkPaysFromTheRequestBudget() async throws {
        let simulator = try await Self.startSimulator(.calm, "1000-1007")
        defer { Task { await simulator.stop() } }
        let started = ContinuousClock.now
        let result = try await BuiltBinary.run(["check", "--json", "--max-rate", "10", "--burst", "5", "--server", simulator.baseURL, "1000-1007"])
        let took = ContinuousClock.now - started
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let counts = await simulator.requestCounts()
        #expect(counts.total == 40)
        // 40 requests at 10/s after a burst of 5 leave over 3.5 s. The client sends no more than
        // rate + burst in a second; at the server a loaded machine can bunch up to one pool's
        // worth (8) of them more. Without the budget all 40 arrive within a second.
        #expect(counts.peakPerSecond <= 15 + 8, "peak \(counts.peakPerSecond)/s")
        #expect(took >= .milliseconds(3500), "took \(took)")
    }

    @Test(.timeLimit(.minutes(1)))
    func retryAfterIsReportedPerCallAndHoldsTheRest() async throws {
        let simulator = try await Self.startSimulator(.calm, "1000-1019")
        defer { Task { await simulator.stop() } }
        var faults = FaultSettings()
        faults.statusRate = 1
        faults.status = 503
        faults.retryAfter = "120"
        await simulator.setFaults(faults)
        let result = try await BuiltBinary.run(["check", "--json", "--max-rate", "0", "--server", simulator.baseURL, "1000-1019"])
        #expect(result.status == 3, "stderr: \(result.standardError)")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        let errors = objects.flatMap { (($0["errors"] as? [String: String]) ?? [:]).values }
        #expect(errors.count == 100)
        let answered = errors.filter { $0.contains(": HTTP 503: server asked to wait · resuming ") }
        let held = errors.filter { $0.contains(": not sent: server asked to wait · resuming ") }
        #expect(answered.count + held.count == 100)
        // Only what was on the wire when the first 503 came back reached the server.
        let total = await simulator.requestCounts().total
        #expect(total == answered.count)
        #expect(total <= 8, "\(total) requests reached a server that asked for quiet")
    }

    @Test(arguments: [
        (["check", "--server", "http://x", "abc"], "invalid entry point ID \"abc\""),
        (["check", "--server", "http://x", "0"], "entry point IDs start at 1"),
        (["check", "--server", "ftp://x", "1000"], "the scheme must be http or https"),
        (["check", "1000"], "no server: pass --server URL or set ECETOP_SERVER"),
        (["check", "--server", "http://x", "--timeout", "0", "1000"], "--timeout must be"),
        (["survey", "--server", "http://x", "--sid", "1", "--question", "q"], "every --question needs one --answer"),
    ])
    func badInputIsAOneLineError(arguments: [String], message: String) async throws {
        let result = try await BuiltBinary.run(arguments)
        #expect(result.status == 64)
        let firstLine = result.standardError.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.contains(message), "stderr: \(result.standardError)")
    }

    @Test func surveyPostsAndShowsStatus() async throws {
        let simulator = try await Self.startSimulator(.calm, "1000")
        defer { Task { await simulator.stop() } }
        let result = try await BuiltBinary.run(["survey", "--server", simulator.baseURL, "--sid", "77",
                                                "--question", "Helpful? <yes/no>", "--answer", "Yes & thanks",
                                                "--question", "Score", "--answer", "5"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("HTTP 204: survey submitted"))
        #expect(result.standardOutput.contains("<question>Helpful? &lt;yes/no&gt;</question>"))
        let received = await simulator.surveys()
        #expect(received.last?.answers.map(\.answer) == ["Yes & thanks", "5"])
        #expect(received.last?.sessionID == "77")
    }
}
