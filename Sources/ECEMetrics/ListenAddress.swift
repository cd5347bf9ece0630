/// `HOST:PORT` to serve on, as `--listen` and `--metrics-listen` take it (`[::1]:9464` for IPv6).
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    /// 0 picks a free port.
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 9464) {
        self.host = host
        self.port = port
    }

    /// Why a listen address was refused.
    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(parsing text: String) throws {
        func refuse(_ why: String) -> ParseError {
            ParseError(description: "listen address \"\(text)\": \(why) (expected HOST:PORT, e.g. 127.0.0.1:9464 or [::1]:9464)")
        }
        guard let colon = text.lastIndex(of: ":") else { throw refuse("no port") }
        var host = String(text[..<colon])
        let portText = text[text.index(after: colon)...]
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            throw refuse("an IPv6 host goes in brackets")
        }
        guard !host.isEmpty else { throw refuse("no host") }
        guard let port = Int(portText), (0...65535).contains(port) else { throw refuse("the port must be a number from 0 to 65535") }
        self.init(host: host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
