import ECEChat
import ECECommon
@testable import ECESimulator
import Testing

@Suite("The model: deterministic, driven by simulated time only")
struct ModelTests {
    static let ids = try! EntryPointID.parseList(["1000-1019"])

    @Test("Same seed, same story; looking in between changes nothing", arguments: ScenarioPreset.allCases)
    func determinism(preset: ScenarioPreset) {
        let scenario = preset.scenario(entryPoints: Self.ids)
        var once = SimulationModel(scenario: scenario, seed: 42)
        once.advance(to: 3600)
        var stepwise = SimulationModel(scenario: scenario, seed: 42)
        var t = 0.0
        while t < 3600 {
            t += 7.3
            stepwise.advance(to: min(t, 3600))
            _ = stepwise.snapshot
        }
        #expect(once == stepwise)
        #expect(once.snapshot == stepwise.snapshot)
        var other = SimulationModel(scenario: scenario, seed: 43)
        other.advance(to: 3600)
        if preset != .mixed {
            #expect(other.snapshot.entryPoints.map(\.queued) != once.snapshot.entryPoints.map(\.queued))
        }
    }

    @Test func capacityIsCTLLessLoadOverLoggedInAgents() {
        let id = EntryPointID.id(1)
        var spec = EntryPointSpec(id: id)
        spec.arrivalsPerHour = 0
        let scenario = Scenario(name: "t", entryPoints: [spec], agents: [
            AgentGroup(count: 2, concurrentTaskLimit: 3, entryPoints: [id], initialLoad: 1),
            AgentGroup(count: 1, concurrentTaskLimit: 5, entryPoints: [id], loggedIn: false),
        ])
        var model = SimulationModel(scenario: scenario, seed: 1)
        #expect(model.status(of: id)?.capacity == 4)
        #expect(model.status(of: id)?.agentsLoggedIn == 2)
        model.apply(.logIn(count: 1, entryPoints: nil))
        #expect(model.status(of: id)?.capacity == 9)
        model.apply(.logOut(count: 3, entryPoints: [id]))
        #expect(model.status(of: id)?.capacity == 0)
        #expect(model.value(for: .agentAvailability, entryPoint: id) == .agentAvailability(false))
        #expect(model.value(for: .chatAllowed, entryPoint: id) == .chatAllowed(ChatAllowed(allowed: false, reason: .agentNotAvailable)))
        #expect(model.value(for: .checkEligibility, entryPoint: id) == .eligibility(.noAgentAvailable))
        #expect(model.value(for: .capacity, entryPoint: .id(2)) == nil)
        #expect(model.value(for: .chatAllowed, entryPoint: .id(2)) == .chatAllowed(ChatAllowed(allowed: false, reason: .invalidEntryPoint)))
    }

    @Test func chatsQueueAreAssignedAndEnd() {
        let id = EntryPointID.id(1)
        var spec = EntryPointSpec(id: id)
        spec.arrivalsPerHour = 0
        spec.initialQueueDepth = 5
        spec.handleTime = HandleTimeDistribution(shape: .fixed, mean: 100)
        let scenario = Scenario(name: "t", entryPoints: [spec], agents: [AgentGroup(count: 1, concurrentTaskLimit: 2, entryPoints: [id])])
        var model = SimulationModel(scenario: scenario, seed: 1)
        // Two assigned at once, three wait; each pair ends after 100 s and the next two start.
        #expect(model.status(of: id)?.queueDepth == 3)
        #expect(model.status(of: id)?.capacity == 0)
        #expect(model.status(of: id)?.waitTime == 150)
        model.advance(to: 99)
        #expect(model.status(of: id)?.queueDepth == 3)
        model.advance(to: 100)
        #expect(model.status(of: id)?.queueDepth == 1)
        model.advance(to: 200)
        #expect(model.status(of: id)?.queueDepth == 0)
        #expect(model.status(of: id)?.capacity == 1)
        model.advance(to: 300)
        #expect(model.status(of: id)?.capacity == 2)
        #expect(model.status(of: id)?.assigned == 5)
        #expect(model.step() == nil)
    }

    @Test("The assignment service stopped: chats wait, the queue fills, then drains on restart")
    func meltdownFillsAndRecovers() {
        var model = SimulationModel(scenario: ScenarioPreset.meltdown.scenario(entryPoints: [.id(1000)]), seed: 3)
        model.advance(to: 59)
        #expect(model.snapshot.services.values.allSatisfy { $0 })
        model.advance(to: 299)
        let during = model.status(of: .id(1000))!
        #expect(!during.serviceRunning)
        #expect(during.queueDepth == during.maxQueueDepth)
        #expect(during.chatAllowed == ChatAllowed(allowed: false, reason: .serviceNotRunning))
        #expect(during.eligibility == .queueDepthReached)
        model.advance(to: 400)
        let after = model.status(of: .id(1000))!
        #expect(after.serviceRunning)
        #expect(after.queueDepth < after.maxQueueDepth)
    }

    @Test("Arrivals follow the rate: about arrivalsPerHour per simulated hour")
    func arrivalRate() {
        var spec = EntryPointSpec(id: .id(1))
        spec.arrivalsPerHour = 120
        spec.maxQueueDepth = 1_000_000
        var model = SimulationModel(scenario: Scenario(name: "t", entryPoints: [spec], agents: []), seed: 9)
        model.apply(.logOut(count: 0, entryPoints: nil))
        var unrequired = spec
        unrequired.agentAvailabilityRequired = false
        model = SimulationModel(scenario: Scenario(name: "t", entryPoints: [unrequired], agents: []), seed: 9)
        model.advance(to: 100 * 3600)
        let arrived = model.status(of: .id(1))!.queued
        #expect((11_000...13_000).contains(arrived), "\(arrived)")
    }

    @Test func businessCurveShapesTheDay() {
        var spec = EntryPointSpec(id: .id(1))
        spec.arrivalsPerHour = 600
        spec.agentAvailabilityRequired = false
        spec.maxQueueDepth = 1_000_000
        var scenario = Scenario(name: "t", entryPoints: [spec], agents: [])
        scenario.curve = .business
        scenario.startTimeOfDay = 0
        var model = SimulationModel(scenario: scenario, seed: 5)
        model.advance(to: 3 * 3600)
        let night = model.status(of: .id(1))!.queued
        model.advance(to: 10 * 3600)
        model.advance(to: 11 * 3600)
        let beforeMorning = model.status(of: .id(1))!.queued
        model.advance(to: 12 * 3600)
        let morningHour = model.status(of: .id(1))!.queued - beforeMorning
        #expect(night < 200, "\(night)")
        #expect(morningHour > 600, "\(morningHour)")
    }

    @Test func timelineAppliesAtItsTime() {
        var scenario = ScenarioPreset.calm.scenario(entryPoints: [.id(1000), .id(1001)])
        scenario.timeline = [
            TimelineEvent(at: 120, .setActive([.id(1001)], false)),
            TimelineEvent(at: 120, .setHold([.id(1000)], true)),
        ]
        var model = SimulationModel(scenario: scenario, seed: 1)
        model.advance(to: 119.9)
        #expect(model.status(of: .id(1001))!.active)
        model.advance(to: 120)
        #expect(model.status(of: .id(1001))!.chatAllowed.reason == .entryPointInactive)
        #expect(model.status(of: .id(1000))!.chatAllowed.reason == .other)
    }

    @Test func handleTimesHaveTheirMean() {
        var random = SplitMix64(seed: 11)
        for shape in HandleTimeDistribution.Shape.allCases {
            let distribution = HandleTimeDistribution(shape: shape, mean: 300)
            let mean = (0..<20_000).reduce(0.0) { sum, _ in sum + distribution.draw(&random) } / 20_000
            #expect(abs(mean - 300) < 15, "\(shape): \(mean)")
        }
    }
}
