import ECEChat
import ECESimulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Starts a real simulator on 127.0.0.1 port 0 (paused unless told otherwise), hands the test a
/// real `ChatAPIClient`, and tears both down afterwards.
enum SimulatorHarness {
    static func configuration(_ preset: ScenarioPreset = .mixed, seed: UInt64 = 7) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.scenario = .preset(preset)
        configuration.seed = seed
        configuration.speed = 0
        configuration.logLevel = .error
        return configuration
    }

    static func run(
        _ configuration: SimulatorConfiguration = configuration(),
        format: ChatAPIClient.ResponseFormat = .xml,
        timeout: Duration = .seconds(5),
        _ body: (RunningSimulator, ChatAPIClient) async throws -> Void
    ) async throws {
        let simulator = try await ECESimulatorServer.start(configuration)
        var clientConfiguration = ChatAPIClient.Configuration()
        clientConfiguration.format = format
        clientConfiguration.requestTimeout = timeout
        let client = try ChatAPIClient(server: simulator.server, configuration: clientConfiguration)
        do {
            try await body(simulator, client)
            try await client.shutdown()
            await simulator.stop()
        } catch {
            try? await client.shutdown()
            await simulator.stop()
            throw error
        }
    }

    /// One plain HTTP request (for `/sim/…` and raw checks): status, headers and body.
    static func http(_ method: String, _ url: String, headers: [String: String] = [:], body: String? = nil) async throws -> (status: Int, headers: [String: String], body: String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return (http.statusCode, fields, String(decoding: data, as: UTF8.self))
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }
}

extension EntryPointID {
    /// Test shorthand; the IDs used are all valid.
    static func id(_ value: Int64) -> EntryPointID { EntryPointID(value)! }
}
