import ECEChat
import Hummingbird

/// The `/sim/…` control and observation API (JSON), for tests, demos and benchmarks.
struct ControlRoutes: Sendable {
    let state: SimulatorState

    /// The response to a change: how much it touched and the entry points as they are now.
    struct Change: Encodable {
        var changed: Int
        var snapshot: SimulationSnapshot
    }

    func add(to router: Router<SimulatorRequestContext>) {
        let sim = router.group("sim")
        sim.get("state") { request, _ in try await handle(request, []) { _ in HTTPAnswers.encoded(await state.snapshot()) } }
        sim.get("entrypoints/:id") { request, context in
            try await handle(request, []) { _ in
                let text = context.parameters.get("id") ?? ""
                guard let id = try? EntryPointID(parsing: text) else { throw ControlQuery.Problem(message: "not an entry point ID: \"\(text)\"") }
                guard let status = await state.status(of: id) else { throw ControlQuery.Problem(status: .notFound, message: "no entry point \(id)") }
                return HTTPAnswers.encoded(status)
            }
        }
        sim.post("entrypoints/:id") { request, context in
            try await handle(request, ["active", "hold", "depth", "maxDepth", "arrivalsPerHour"]) { query in
                let ids = try await known(try ControlQuery.entryPoints(context.parameters.get("id") ?? ""))
                var actions: [TimelineEvent.Action] = []
                if let active = try query.bool("active") { actions.append(.setActive(ids, active)) }
                if let hold = try query.bool("hold") { actions.append(.setHold(ids, hold)) }
                if let maximum = try query.int("maxDepth") { actions.append(.setMaxQueueDepth(ids, maximum)) }
                if let depth = try query.int("depth") { actions.append(.setQueueDepth(ids, depth)) }
                if let rate = try query.double("arrivalsPerHour") { actions.append(.setArrivalsPerHour(ids, rate)) }
                guard !actions.isEmpty else { throw ControlQuery.Problem(message: "say what to change: active, hold, depth, maxDepth or arrivalsPerHour") }
                return try await change(actions)
            }
        }
        for (verb, stop) in [("stop", true), ("start", false)] {
            sim.post("service/\(verb)") { request, _ in
                try await handle(request, ["name"]) { query in
                    let name = query.string("name")
                    if let name, await !state.snapshot().services.keys.contains(name) {
                        throw ControlQuery.Problem(status: .notFound, message: "no assignment service \"\(name)\"")
                    }
                    return try await change([stop ? .stopService(name) : .startService(name)])
                }
            }
        }
        for (verb, logIn) in [("login", true), ("logout", false)] {
            sim.post("agents/\(verb)") { request, _ in
                try await handle(request, ["count", "entryPoints"]) { query in
                    let count = try query.int("count") ?? 1
                    let ids = try await known(try query.entryPoints("entryPoints"))
                    return try await change([logIn ? .logIn(count: count, entryPoints: ids) : .logOut(count: count, entryPoints: ids)])
                }
            }
        }
        sim.get("surveys") { request, _ in try await handle(request, []) { _ in HTTPAnswers.encoded(await state.surveys()) } }
        sim.delete("surveys") { request, _ in
            try await handle(request, []) { _ in
                await state.clearSurveys()
                return HTTPAnswers.encoded([ReceivedSurvey]())
            }
        }
        sim.get("stats") { request, _ in try await handle(request, []) { _ in HTTPAnswers.encoded(await state.requestCounts()) } }
        sim.delete("stats") { request, _ in
            try await handle(request, []) { _ in
                await state.resetRequestCounts()
                return HTTPAnswers.encoded(await state.requestCounts())
            }
        }
        sim.get("faults") { request, _ in try await handle(request, []) { _ in HTTPAnswers.encoded(await state.faults()) } }
        sim.post("faults") { request, _ in
            try await handle(request, FaultQuery.parameters + ["entryPoints"]) { query in
                let ids = try await known(try query.entryPoints("entryPoints"))
                let report = await state.faults()
                var faults = ids?.first.flatMap { report.byEntryPoint[$0.description] } ?? report.global
                try FaultQuery.apply(query, to: &faults)
                await state.setFaults(faults, for: ids)
                return HTTPAnswers.encoded(await state.faults())
            }
        }
        sim.delete("faults") { request, _ in
            try await handle(request, ["entryPoints"]) { query in
                await state.clearFaults(for: try query.entryPoints("entryPoints"))
                return HTTPAnswers.encoded(await state.faults())
            }
        }
        sim.post("advance") { request, _ in
            try await handle(request, ["seconds"]) { query in
                guard let seconds = try query.double("seconds", maximum: 30 * 86_400) else { throw ControlQuery.Problem(message: "give seconds=N") }
                await state.advance(by: seconds)
                return HTTPAnswers.encoded(await state.snapshot())
            }
        }
        sim.post("speed") { request, _ in
            try await handle(request, ["value"]) { query in
                guard let speed = try query.double("value", maximum: 1_000_000) else { throw ControlQuery.Problem(message: "give value=X (0 pauses)") }
                await state.setSpeed(speed)
                return HTTPAnswers.encoded(["speed": speed])
            }
        }
    }

    private func handle(_ request: Request, _ allowed: [String], _ body: (ControlQuery) async throws -> Response) async throws -> Response {
        do {
            return try await body(try ControlQuery(request, allowed: allowed))
        } catch let problem as ControlQuery.Problem {
            return HTTPAnswers.controlError(problem.status, problem.message)
        }
    }

    private func known(_ ids: [EntryPointID]?) async throws -> [EntryPointID]? {
        guard let ids else { return nil }
        let snapshot = await state.snapshot()
        let all = Set(snapshot.entryPoints.map(\.id))
        if let unknown = ids.first(where: { !all.contains($0) }) {
            throw ControlQuery.Problem(status: .notFound, message: "no entry point \(unknown)")
        }
        return ids
    }

    private func change(_ actions: [TimelineEvent.Action]) async throws -> Response {
        var changed = 0
        for action in actions { changed = max(changed, await state.apply(action)) }
        return HTTPAnswers.encoded(Change(changed: changed, snapshot: await state.snapshot()))
    }
}
