import Foundation

/// A loopback port whose socket listens but never accepts: connections complete (up to the
/// backlog) and requests are never answered, as from a server that hangs.
public struct ListeningButSilent: Sendable {
    private let bound: BoundButNotListening

    public var number: Int { bound.number }

    public init() throws {
        bound = try BoundButNotListening()
        guard listen(bound.descriptor, 64) == 0 else {
            bound.close()
            throw POSIXError(.EADDRINUSE)
        }
    }

    public func close() { bound.close() }
}
