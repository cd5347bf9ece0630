import Foundation

/// A TCP relay on 127.0.0.1 in front of a server, standing in for a gateway: it counts the
/// connections clients open through it, and can close them all at once as a gateway's idle
/// timeout does. What a client does with its connections is read here, on the server's side.
public final class CountingRelay: @unchecked Sendable {
    public let port: Int
    private let listener: Int32
    private let targetPort: Int
    private let lock = NSLock()
    private var acceptedCount = 0
    /// Client and server sockets of each relayed connection still open.
    private var pairs: [Int: (client: Int32, server: Int32)] = [:]
    /// Connections whose next request is read and dropped, the connection closed unanswered.
    private var swallowing: Set<Int> = []
    private var nextPair = 0

    /// Starts relaying to `127.0.0.1:targetPort`.
    public init(to targetPort: Int) throws {
        self.targetPort = targetPort
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound, listen(descriptor, 64) == 0 else {
            _ = Glibc.close(descriptor)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { self.acceptLoop() }
    }

    /// Connections accepted so far.
    public var accepted: Int { lock.withLock { acceptedCount } }

    /// Connections still open at both ends.
    public var open: Int { lock.withLock { pairs.count } }

    /// Closes every relayed connection at both ends, as a gateway dropping idle connections.
    public func closeAll() {
        let open = lock.withLock { Array(pairs.values) }
        for pair in open {
            shutdown(pair.client, Int32(SHUT_RDWR))
            shutdown(pair.server, Int32(SHUT_RDWR))
        }
    }

    /// Closes each open connection when its next request arrives, without passing it on: as a
    /// gateway does that drops an idle connection just as the client sends on it.
    public func closeOpenConnectionsOnTheirNextRequest() {
        lock.withLock { swallowing = Set(pairs.keys) }
    }

    /// Stops accepting and closes everything.
    public func close() {
        shutdown(listener, Int32(SHUT_RDWR))
        closeAll()
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return address
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                _ = Glibc.close(listener)
                return
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            var address = Self.loopback(port: targetPort)
            let connected = server >= 0 && withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            guard connected else {
                _ = Glibc.close(client)
                if server >= 0 { _ = Glibc.close(server) }
                continue
            }
            let id = lock.withLock {
                acceptedCount += 1
                nextPair += 1
                pairs[nextPair] = (client, server)
                return nextPair
            }
            let directions = DirectionsLeft()
            let endOne: @Sendable () -> Void = {
                guard directions.endOne() else { return }
                self.lock.withLock { _ = self.pairs.removeValue(forKey: id) }
                _ = Glibc.close(client)
                _ = Glibc.close(server)
            }
            Thread.detachNewThread {
                Self.pump(from: client, to: server) { self.lock.withLock { self.swallowing.remove(id) != nil } }
                endOne()
            }
            Thread.detachNewThread {
                Self.pump(from: server, to: client) { false }
                endOne()
            }
        }
    }

    /// Copies bytes until either side ends, or until `drop` says to drop what came, then ends
    /// both directions of both sockets.
    private static func pump(from source: Int32, to sink: Int32, drop: () -> Bool) {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0, !drop() else { break }
            var written = 0
            while written < count {
                let result = buffer.withUnsafeBytes { send(sink, $0.baseAddress! + written, count - written, Int32(MSG_NOSIGNAL)) }
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { break }
                written += result
            }
            if written < count { break }
        }
        shutdown(source, Int32(SHUT_RDWR))
        shutdown(sink, Int32(SHUT_RDWR))
    }
}

/// The two directions of one relayed connection; the second to end closes the sockets.
private final class DirectionsLeft: @unchecked Sendable {
    private let lock = NSLock()
    private var left = 2

    /// Whether this was the last direction.
    func endOne() -> Bool {
        lock.withLock {
            left -= 1
            return left == 0
        }
    }
}

extension CountingRelay {
    /// Whether this machine can bind `::1` (containers often cannot).
    public static var hasIPv6Loopback: Bool {
        let descriptor = socket(AF_INET6, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { _ = Glibc.close(descriptor) }
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_addr = in6addr_loopback
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0 }
        }
    }
}
