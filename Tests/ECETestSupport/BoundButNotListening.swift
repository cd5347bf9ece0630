import Foundation

/// A loopback port bound by a socket that never listens: connecting is refused, and no
/// server started in parallel by another test can be handed the port while it is held.
public struct BoundButNotListening: Sendable {
    public let descriptor: Int32
    public let number: Int

    public init() throws {
        // Close-on-exec: a tmux server or curl spawned meanwhile by a parallel test must not
        // inherit the socket and keep the port bound after `close`.
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard descriptor >= 0, bound else { throw POSIXError(.EADDRNOTAVAIL) }
        self.descriptor = descriptor
        number = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Gives the port up (once: a second close could hit a descriptor reused meanwhile).
    public func close() { _ = Glibc.close(descriptor) }
}
