import ECEChat

/// Checks a scenario built in code (presets, `.custom`) for what the model cannot run.
enum ScenarioValidation {
    static func check(_ scenario: Scenario) throws(ScenarioError) {
        func fail(_ message: String) -> ScenarioError { ScenarioError(file: nil, line: nil, message: "scenario \(scenario.name): \(message)") }
        guard !scenario.entryPoints.isEmpty else { throw fail("no entry points") }
        var seen = Set<EntryPointID>()
        for spec in scenario.entryPoints {
            guard seen.insert(spec.id).inserted else { throw fail("entry point \(spec.id) is listed twice") }
            guard spec.maxQueueDepth >= 0, spec.initialQueueDepth >= 0 else { throw fail("entry point \(spec.id): queue depths must be 0 or more") }
            guard spec.arrivalsPerHour.isFinite, spec.arrivalsPerHour >= 0 else { throw fail("entry point \(spec.id): arrivals per hour must be 0 or more") }
            guard spec.handleTime.mean.isFinite, spec.handleTime.mean > 0 else { throw fail("entry point \(spec.id): the mean handle time must be above 0 seconds") }
        }
        for group in scenario.agents {
            guard group.count >= 0, group.concurrentTaskLimit >= 0, group.initialLoad >= 0 else { throw fail("agent counts, CTL and load must be 0 or more") }
            if let unknown = group.entryPoints.first(where: { !seen.contains($0) }) { throw fail("agents serve entry point \(unknown), which the scenario does not have") }
        }
        for event in scenario.timeline where !(event.at.isFinite && event.at >= 0) {
            throw fail("timeline times must be 0 or more seconds")
        }
    }
}
