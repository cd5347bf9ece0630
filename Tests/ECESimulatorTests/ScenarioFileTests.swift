import ECEChat
@testable import ECESimulator
import Foundation
import Testing

@Suite("Scenario files: the format, and one-line FILE:LINE errors", .timeLimit(.minutes(5)))
struct ScenarioFileTests {
    static let example = """
    name = "t"
    start = "10:00:00"
    patience = 60

    [[entry_points]]
    ids = "1000-1001"
    name = "Sales"
    max_queue_depth = 4
    arrivals_per_hour = 0

    [[entry_points]]
    ids = 1003
    agent_availability_required = false
    service = "aas-2"

    [[agents]]
    count = 5
    ctl = 2
    entry_points = ["1000", "1001"]

    [[timeline]]
    at = "00:02:00"
    action = "stop_service"

    [[timeline]]
    at = 150
    action = "deactivate"
    entry_points = "1003"

    [[timeline]]
    at = "00:03:00"
    action = "log_out"
    count = 5
    """

    @Test func readsEverySection() throws {
        let scenario = try ScenarioFile.parse(Self.example, file: "t.toml")
        #expect(scenario.name == "t")
        #expect(scenario.startTimeOfDay == 36_000)
        #expect(scenario.entryPoints.map(\.id.rawValue) == [1000, 1001, 1003])
        #expect(scenario.entryPoints.map(\.name) == ["Sales 1000", "Sales 1001", "Entry point 1003"])
        #expect(scenario.entryPoints[0].maxQueueDepth == 4)
        #expect(scenario.entryPoints[2].service == "aas-2")
        #expect(scenario.entryPoints[2].agentAvailabilityRequired == false)
        #expect(scenario.agents == [AgentGroup(count: 5, concurrentTaskLimit: 2, entryPoints: [.id(1000), .id(1001)])])
        #expect(scenario.timeline == [
            TimelineEvent(at: 120, .stopService(nil)),
            TimelineEvent(at: 150, .setActive([.id(1003)], false)),
            TimelineEvent(at: 180, .logOut(count: 5, entryPoints: nil)),
        ])
        var model = SimulationModel(scenario: scenario, seed: 1)
        model.advance(to: 200)
        #expect(model.status(of: .id(1000))?.chatAllowed.reason == .entryPointInactive || model.status(of: .id(1000))?.chatAllowed.reason == .serviceNotRunning)
        #expect(model.status(of: .id(1003))?.chatAllowed.reason == .entryPointInactive)
    }

    @Test("The shipped example files load", arguments: ["example.toml", "maintenance.toml"])
    func shippedExamples(name: String) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/scenarios/\(name)").standardized.path
        let scenario = try ScenarioFile.load(path: path)
        #expect(!scenario.entryPoints.isEmpty)
        #expect(!scenario.timeline.isEmpty)
    }

    @Test(arguments: [
        ("name = \"x\"\n[[entry_points]]\nids = 1000\nmax_depth = 3\n", 4, #"unknown key "max_depth" in [[entry_points]] #1"#),
        ("[[entry_points]]\nids = 1000\n\n[[entry_points]]\nids = 1001\narrivals_per_hour = \"many\"\n", 6, #""arrivals_per_hour" must be a number"#),
        ("[[entry_points]]\nids = \"1000-99\"\n", 2, "range ends before it starts"),
        ("[[entry_points]]\nids = 1000\n[[agents]]\ncount = 2\nentry_points = 1001\n", 5, "entry point 1001 is not in any [[entry_points]] table"),
        ("[[entry_points]]\nids = 1000\n[[timeline]]\nat = \"00:99:00\"\naction = \"stop_service\"\n", 4, "must be a time such as"),
        ("[[entry_points]]\nids = 1000\n[[timeline]]\nat = 5\naction = \"explode\"\n", 5, #"unknown action "explode""#),
        ("[[entry_points]]\nids = 1000\n[[timeline]]\nat = 5\naction = \"log_out\"\n", 5, #"action "log_out" needs "count""#),
        ("[[entry_points]]\nids = 1000\nname = \"unterminated\n", 3, "Error while parsing string"),
        ("curve = \"weekend\"\n[[entry_points]]\nids = 1000\n", 1, "\"curve\" must be"),
        ("speed = 3\n[[entry_points]]\nids = 1000\n", 1, #"unknown key "speed""#),
        ("[[entry_points]]\nids = 1000\n[[entry_points]]\nids = \"999-1000\"\n", 4, "entry point 1000 is listed twice"),
        ("name = \"empty\"\n", nil, "at least one [[entry_points]]"),
    ] as [(String, Int?, String)])
    func badFilesNameFileAndLine(text: String, line: Int?, fragment: String) {
        do {
            _ = try ScenarioFile.parse(text, file: "bad.toml")
            Issue.record("parsed: \(text)")
        } catch {
            let expectedPrefix = line.map { "bad.toml:\($0): " } ?? "bad.toml: "
            #expect(error.description.hasPrefix(expectedPrefix), "\(error)")
            #expect(error.description.contains(fragment), "\(error)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func missingFileIsOneLine() {
        #expect(throws: ScenarioError.self) { try ScenarioFile.load(path: "/nonexistent/x.toml") }
        do {
            _ = try ScenarioFile.load(path: "/nonexistent/x.toml")
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/x.toml: cannot read the file"))
        }
    }

    @Test func aBadFileStopsTheServerFromStarting() async {
        var configuration = SimulatorConfiguration()
        configuration.scenario = .file("/nonexistent/x.toml")
        await #expect(throws: ScenarioError.self) { _ = try await ECESimulatorServer.start(configuration) }
    }
}
