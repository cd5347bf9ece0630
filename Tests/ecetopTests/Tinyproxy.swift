import ECETestSupport
import Foundation

/// Debian's tinyproxy on a loopback port, run in the foreground by a test; its log has one
/// line per request it carried.
struct Tinyproxy {
    let process: Process
    let port: Int
    let folder: String
    var logPath: String { folder + "/tinyproxy.log" }

    struct NotStarted: Error, CustomStringConvertible {
        var description: String
    }

    /// - Parameter credentials: `user password` the proxy demands (`BasicAuth`), if any.
    static func start(credentials: (user: String, password: String)? = nil) async throws -> Tinyproxy {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-proxy-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // A port held below the ephemeral range, given up just before tinyproxy binds it.
        let held = try BoundButNotListening()
        let port = held.number
        var config = "Port \(port)\nListen 127.0.0.1\nAllow 127.0.0.1\nLogFile \"\(folder)/tinyproxy.log\"\nLogLevel Connect\nTimeout 30\nMaxClients 32\n"
        if let credentials { config += "BasicAuth \(credentials.user) \(credentials.password)\n" }
        try config.write(toFile: folder + "/tinyproxy.conf", atomically: true, encoding: .utf8)
        let process = Process()
        guard let executable = ["/usr/bin/tinyproxy", "/usr/sbin/tinyproxy"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            held.close()
            throw NotStarted(description: "tinyproxy is not installed (apt-get install tinyproxy; .ci/run installs it)")
        }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-d", "-c", folder + "/tinyproxy.conf"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        held.close()
        try process.run()
        let proxy = Tinyproxy(process: process, port: port, folder: folder)
        let deadline = ContinuousClock.now + .seconds(10)
        while !Self.accepts(port: port) {
            guard process.isRunning, ContinuousClock.now < deadline else {
                proxy.stop()
                throw NotStarted(description: "tinyproxy did not listen on 127.0.0.1:\(port) within 10 s; log: \(proxy.log)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return proxy
    }

    var url: String { "http://127.0.0.1:\(port)" }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Log lines of requests the proxy took: `Request (file descriptor N): CONNECT host:port …`.
    func carried(_ needle: String) -> Int {
        log.split(separator: "\n").count { $0.contains("Request (file descriptor") && $0.contains(needle) }
    }

    /// SIGKILL: tinyproxy in the foreground (`-d`) was seen to outlive SIGTERM.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private static func accepts(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
