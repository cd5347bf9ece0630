import ArgumentParser
import ECEChat
import ECEConfig
import Foundation

/// How to reach the ECE server: shared by every command that talks to one.
struct ServerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Base URL of the ECE server, e.g. https://ece.example.com (default: $ECETOP_SERVER, then the config file).", valueName: "URL"))
    var server: String?

    @Option(name: .long, help: ArgumentHelp("Deadline of one request, in seconds (default: 5).", valueName: "SECONDS"))
    var timeout: Double?

    @Option(name: .long, help: ArgumentHelp("Body format to ask for: xml or json.", valueName: "FORMAT"))
    var format: ChatAPIClient.ResponseFormat = .xml

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("PEM file of extra certificate authorities to trust for HTTPS.", valueName: "FILE"))
    var caFile: String?

    @Flag(name: .long, help: "Do not verify the server's TLS certificate (never in production).")
    var insecure = false

    @Option(name: .long, help: ArgumentHelp("HTTP proxy to reach the server through, http://[user:password@]host[:port] (default: config proxy, then $HTTPS_PROXY/$HTTP_PROXY as curl reads them; $NO_PROXY exempts hosts).", valueName: "URL"))
    var proxy: String?

    func validate() throws {
        try OptionLimit.check("--timeout", timeout, in: ChatAPIClient.Configuration.requestTimeoutSeconds, unit: "seconds")
        if let proxy {
            do {
                _ = try HTTPProxy(parsing: proxy)
            } catch {
                throw ValidationError("--proxy: \(error.description)")
            }
        }
        // The server may come from the config file, read later; a bad flag is refused now.
        if let server {
            do {
                _ = try ChatAPIServer(parsing: server)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    /// Puts the flags given into `flags`, where they override the config file.
    func fill(_ flags: inout ConfigFlags) {
        flags.server = server
        flags.timeout = timeout
        flags.proxy = proxy
    }

    /// The server from `--server`, `$ECETOP_SERVER` or the config file, checked and normalised.
    static func resolvedServer(_ effective: EffectiveConfiguration) throws -> ChatAPIServer {
        guard let text = effective.server?.value else {
            throw ValidationError("no server: pass --server URL or set ECETOP_SERVER (or write server = \"URL\" in the config file)")
        }
        do {
            return try ChatAPIServer(parsing: text)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// - Parameter proxy: `--proxy` or the config file's; nil: the environment's, as curl reads it.
    static func clientConfiguration(timeout: Double, format: ChatAPIClient.ResponseFormat, caFile: String?, insecure: Bool,
                                    server: ChatAPIServer, proxy: String?,
                                    environment: [String: String] = ProcessInfo.processInfo.environment) throws(ChatAPIError) -> ChatAPIClient.Configuration {
        var configuration = ChatAPIClient.Configuration()
        let noProxy = environment["no_proxy"] ?? environment["NO_PROXY"] ?? ""
        if let proxy {
            let host = URLComponents(string: server.baseURL)?.host ?? ""
            configuration.proxy = HTTPProxy.bypasses(host: host, noProxy: noProxy) ? nil : try HTTPProxy(parsing: proxy)
        } else {
            configuration.proxy = try HTTPProxy.fromEnvironment(environment, for: server.baseURL)
        }
        configuration.requestTimeout = .milliseconds(Int64((timeout * 1000).rounded()))
        configuration.format = format
        configuration.caFile = caFile
        configuration.insecure = insecure
        return configuration
    }

    /// The client for `server` with these options, the effective proxy and `timeout`.
    func makeClient(server: ChatAPIServer, timeout: Double, proxy: String?) throws(ChatAPIError) -> ChatAPIClient {
        try ChatAPIClient(server: server, configuration: try Self.clientConfiguration(
            timeout: timeout, format: format, caFile: caFile, insecure: insecure, server: server, proxy: proxy))
    }

    /// A client for the effective server and timeout (flags over `$ECETOP_SERVER` over the file).
    func makeClient(_ effective: EffectiveConfiguration) throws -> ChatAPIClient {
        do {
            return try makeClient(server: try Self.resolvedServer(effective), timeout: effective.timeout.value, proxy: effective.proxy.value)
        } catch let error as ChatAPIError {
            throw ValidationError(error.description)
        }
    }

    /// A client from the flags and `$ECETOP_SERVER` alone, for commands that read no config file.
    func makeClient(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ChatAPIClient {
        var flags = ConfigFlags()
        fill(&flags)
        return try makeClient(EffectiveConfiguration(file: nil, flags: flags, environment: environment))
    }
}

extension ChatAPIClient.ResponseFormat: ExpressibleByArgument {}

/// Parses the ID arguments (`1000`, `1000-1009`) as a command-line validation error on failure;
/// an ID typed twice is refused, as a scenario file refuses it.
func parseEntryPointIDs(_ arguments: [String]) throws -> [EntryPointID] {
    do {
        return try EntryPointID.parseList(arguments, refusingRepeats: true)
    } catch {
        throw ValidationError(error.description)
    }
}
