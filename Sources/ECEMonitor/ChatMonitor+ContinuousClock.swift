import ECEChat
import Foundation
import Logging

/// The monitor on the real clock, as the commands run it.
extension ChatMonitor where C == ContinuousClock {
    public init(client: ChatAPIClient, entryPoints: [EntryPointID], configuration: MonitorConfiguration = .init(), logger: Logger = Logger(label: "ecetop.monitor")) {
        self.init(client: client, entryPoints: entryPoints, configuration: configuration, clock: ContinuousClock(), origin: Date(), logger: logger)
    }
}
