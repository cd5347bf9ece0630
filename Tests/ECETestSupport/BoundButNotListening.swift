import Foundation

/// A loopback port bound by a socket that never listens: connecting is refused, and no
/// server started in parallel by another test can be handed the port while it is held.
///
/// The port is taken below the kernel's ephemeral range when it can be. A test that gives the
/// port up to start a server on it (a server "coming back") would otherwise race every socket
/// other tests open meanwhile: each outgoing connection and each port-0 server draws a random
/// ephemeral port, and one drew this one between `close` and the server's `bind` in a CI run.
public struct BoundButNotListening: Sendable {
    public let descriptor: Int32
    public let number: Int

    public init() throws {
        let ephemeralLow = Self.ephemeralRangeStart()
        var generator = SystemRandomNumberGenerator()
        // Random candidates below the range; any taken one is skipped. Port 0 is the fallback.
        let candidates = ephemeralLow > 12_000
            ? (0..<64).map { _ in Int.random(in: 10_000..<(ephemeralLow - 1), using: &generator) } + [0]
            : [0]
        for candidate in candidates {
            if let bound = Self.bind(port: candidate) {
                (descriptor, number) = bound
                return
            }
        }
        throw POSIXError(.EADDRNOTAVAIL)
    }

    /// Gives the port up (once: a second close could hit a descriptor reused meanwhile).
    public func close() { _ = Glibc.close(descriptor) }

    /// The socket and its port number, or nil when `port` is taken.
    private static func bind(port: Int) -> (Int32, Int)? {
        // Close-on-exec: a tmux server or curl spawned meanwhile by a parallel test must not
        // inherit the socket and keep the port bound after `close`.
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                Glibc.bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else {
            _ = Glibc.close(descriptor)
            return nil
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// The first port the kernel hands out for port 0 and outgoing connections.
    private static func ephemeralRangeStart() -> Int {
        let text = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 32_768
    }
}
