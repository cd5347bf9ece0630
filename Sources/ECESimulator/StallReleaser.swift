import ServiceLifecycle

/// Answers the requests the simulator holds on purpose (stalls) when a shutdown begins, by a
/// call or a signal alike: a graceful shutdown waits for answers in progress, and a stall never
/// ends by itself.
struct StallReleaser: Service {
    let state: SimulatorState

    func run() async throws {
        try? await gracefulShutdown()
        await state.beginStopping()
    }
}
