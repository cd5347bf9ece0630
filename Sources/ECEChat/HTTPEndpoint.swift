import Foundation

/// Where requests go on the wire, read once from the server's base URL: the TCP target, the
/// `Host` header, the name TLS checks, and the path every request target starts with.
struct HTTPEndpoint: Sendable, Hashable {
    var isTLS: Bool
    /// The host to connect to; an IPv6 address without its brackets.
    var host: String
    var port: Int
    /// The percent-encoded base path, without a trailing slash.
    var basePath: String

    init(baseURL: String) throws(ChatAPIError) {
        guard let components = URLComponents(string: baseURL), let scheme = components.scheme?.lowercased(),
              var host = components.host, !host.isEmpty else {
            throw .invalidServerURL(baseURL, reason: "not a URL")
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        isTLS = scheme == "https"
        self.host = host
        port = components.port ?? (isTLS ? 443 : 80)
        basePath = components.percentEncodedPath
    }

    var isIPv6: Bool { host.contains(":") }

    /// `host[:port]` as a `Host` header and a `CONNECT` target name it: brackets round an IPv6
    /// address; the port left out of `Host` when it is the scheme's own.
    var authority: String { (isIPv6 ? "[\(host)]" : host) + ":\(port)" }

    var hostHeader: String {
        port == (isTLS ? 443 : 80) ? (isIPv6 ? "[\(host)]" : host) : authority
    }

    /// The name TLS sends (SNI) and checks the certificate against; nil for an IP address,
    /// which SNI may not carry and which is checked against the peer's address instead.
    var tlsServerName: String? {
        var ipv4 = in_addr(), ipv6 = in6_addr()
        let isAddress = inet_pton(AF_INET, host, &ipv4) == 1 || inet_pton(AF_INET6, host, &ipv6) == 1
        return isAddress ? nil : host
    }
}
