import Hummingbird
import NIOCore

/// The request context of the simulator's routes: Hummingbird's core context plus the
/// connection's channel, which the stall and drop faults act on.
struct SimulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
