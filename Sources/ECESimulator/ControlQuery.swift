import ECEChat
import Hummingbird

/// The query parameters of one `/sim/…` request, read strictly: an unknown parameter or a bad
/// value is a 400 with a one-line reason, never silently ignored.
struct ControlQuery {
    /// A control request that cannot be carried out, with the status to answer.
    struct Problem: Error {
        var status: HTTPResponse.Status = .badRequest
        var message: String
    }

    private let parameters: [String: String]

    init(_ request: Request, allowed: [String]) throws(Problem) {
        var parameters: [String: String] = [:]
        for (key, value) in request.uri.queryParameters {
            let name = String(key)
            guard allowed.contains(name) else {
                throw Problem(message: "unknown parameter \"\(name)\"" + (allowed.isEmpty ? " (this endpoint takes none)" : " (known: \(allowed.joined(separator: ", ")))"))
            }
            parameters[name] = String(value).removingPercentEncoding ?? String(value)
        }
        self.parameters = parameters
    }

    func string(_ name: String) -> String? { parameters[name] }

    func bool(_ name: String) throws(Problem) -> Bool? {
        guard let text = parameters[name] else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw Problem(message: "\(name) must be true or false, got \"\(text)\"")
        }
    }

    func int(_ name: String, minimum: Int = 0) throws(Problem) -> Int? {
        guard let text = parameters[name] else { return nil }
        guard let value = Int(text), value >= minimum else { throw Problem(message: "\(name) must be a whole number of at least \(minimum), got \"\(text)\"") }
        return value
    }

    func double(_ name: String, minimum: Double = 0, maximum: Double = .greatestFiniteMagnitude) throws(Problem) -> Double? {
        guard let text = parameters[name] else { return nil }
        guard let value = Double(text), value.isFinite, value >= minimum, value <= maximum else {
            throw Problem(message: "\(name) must be a number from \(minimum) to \(maximum), got \"\(text)\"")
        }
        return value
    }

    /// `1000`, `1000-1009,1020`; `all` or absent is nil (every entry point).
    func entryPoints(_ name: String) throws(Problem) -> [EntryPointID]? {
        guard let text = parameters[name], text != "all" else { return nil }
        return try Self.entryPoints(text)
    }

    static func entryPoints(_ text: String) throws(Problem) -> [EntryPointID]? {
        guard text != "all" else { return nil }
        do {
            return try EntryPointID.parseList([text])
        } catch {
            throw Problem(message: error.description)
        }
    }
}
