import ArgumentParser
import ECEChat
import Foundation

/// How to reach the ECE server: shared by every command that talks to one.
struct ServerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Base URL of the ECE server, e.g. https://ece.example.com (default: $ECETOP_SERVER).", valueName: "URL"))
    var server: String?

    @Option(name: .long, help: ArgumentHelp("Deadline of one request, in seconds.", valueName: "SECONDS"))
    var timeout: Double = 5

    @Option(name: .long, help: ArgumentHelp("Body format to ask for: xml or json.", valueName: "FORMAT"))
    var format: ChatAPIClient.ResponseFormat = .xml

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("PEM file of extra certificate authorities to trust for HTTPS.", valueName: "FILE"))
    var caFile: String?

    @Flag(name: .long, help: "Do not verify the server's TLS certificate (never in production).")
    var insecure = false

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 3600 else {
            throw ValidationError("--timeout must be a number of seconds above 0 and at most 3600, got \(timeout)")
        }
        _ = try resolvedServer()
    }

    /// The server from `--server`, else `$ECETOP_SERVER`, checked and normalised.
    func resolvedServer(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ChatAPIServer {
        guard let text = server ?? environment["ECETOP_SERVER"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw ValidationError("no server: pass --server URL or set ECETOP_SERVER")
        }
        do {
            return try ChatAPIServer(parsing: text)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func clientConfiguration() -> ChatAPIClient.Configuration {
        var configuration = ChatAPIClient.Configuration()
        configuration.requestTimeout = .milliseconds(Int64((timeout * 1000).rounded()))
        configuration.format = format
        configuration.caFile = caFile
        configuration.insecure = insecure
        return configuration
    }

    func makeClient() throws -> ChatAPIClient {
        do {
            return try ChatAPIClient(server: try resolvedServer(), configuration: clientConfiguration())
        } catch let error as ChatAPIError {
            throw ValidationError(error.description)
        }
    }
}

extension ChatAPIClient.ResponseFormat: ExpressibleByArgument {}

/// Parses the ID arguments (`1000`, `1000-1009`) as a command-line validation error on failure.
func parseEntryPointIDs(_ arguments: [String]) throws -> [EntryPointID] {
    do {
        return try EntryPointID.parseList(arguments)
    } catch {
        throw ValidationError(error.description)
    }
}
