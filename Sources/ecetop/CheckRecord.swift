import ECEChat
import ECECommon
import ECEMonitor

/// The JSON object `ecetop check --json` prints per entry point; absent values are `null`.
///
/// Written by hand in the layout `JSONEncoder` gives with `.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes`: its generic path cost about 45 µs an object, most of the time a
/// 10,000-ID check spends after its deadline.
struct CheckRecord {
    var id: Int64
    var allowed: Bool?
    var reason: String?
    var queueDepth: Int?
    var waitTime: Double?
    var availableSlots: Int?
    var agentAvailable: Bool?
    var eligibility: Int?
    /// Call name → what went wrong (its one-line description is written).
    var errors: [(call: String, error: ChatAPIError)]
    /// Only with several sites.
    var site: String?

    init(_ check: EntryPointCheck) {
        id = check.entryPoint.rawValue
        errors = Self.callsByName.compactMap { call in check.error(call).map { (call: call.rawValue, error: $0) } }
        // Nothing came back (a stalled server): no value to look for.
        guard !check.exchanges.isEmpty else { return }
        allowed = check.chatAllowed?.allowed
        reason = check.chatAllowed?.reason?.rawValue
        if case .sessionStatus(let status) = check.value(.liveSessionStatus) {
            queueDepth = status.queueDepth
            waitTime = status.waitTimeSeconds
        }
        if case .capacity(let slots) = check.value(.capacity) { availableSlots = slots }
        if case .agentAvailability(let available) = check.value(.agentAvailability) { agentAvailable = available }
        if case .eligibility(let code) = check.value(.checkEligibility) { eligibility = code.code }
    }

    /// The calls in the order `errors` keys are written (sorted, as `JSONEncoder.sortedKeys` does).
    private static let callsByName = ChatAPICall.allCases.sorted { $0.rawValue < $1.rawValue }

    /// Appends this object as an element of the top-level array (indented by two spaces).
    ///
    /// - Parameter literals: the errors written so far as string literals: a check of many
    ///   entry points repeats the same few (every timeout of a call reads alike).
    /// - Returns: where the ID's digits are, as UTF-8 offsets into `output`.
    @discardableResult
    func writeJSON(to output: inout String, literals: inout [ChatAPIError: String]) -> Range<Int> {
        func literal(_ text: String) -> String {
            var written = ""
            Self.writeString(text, to: &written)
            return written
        }
        output += "  {\n    \"agentAvailable\" : "
        output += agentAvailable.map { $0 ? "true" : "false" } ?? "null"
        output += ",\n    \"allowed\" : "
        output += allowed.map { $0 ? "true" : "false" } ?? "null"
        output += ",\n    \"availableSlots\" : "
        output += availableSlots.map(String.init) ?? "null"
        output += ",\n    \"eligibility\" : "
        output += eligibility.map(String.init) ?? "null"
        output += ",\n    \"errors\" : {\n"
        for (index, error) in errors.enumerated() {
            if index > 0 { output += ",\n" }
            output += "      \""
            output += error.call
            output += "\" : "
            if let known = literals[error.error] {
                output += known
            } else {
                let written = literal(error.error.description)
                literals[error.error] = written
                output += written
            }
        }
        output += "\n    },\n    \"id\" : "
        let idStart = output.utf8.count
        output += String(id)
        let idEnd = output.utf8.count
        output += ",\n    \"queueDepth\" : "
        output += queueDepth.map(String.init) ?? "null"
        output += ",\n    \"reason\" : "
        output += reason.map(literal) ?? "null"
        if let site {
            output += ",\n    \"site\" : "
            output += literal(site)
        }
        output += ",\n    \"waitTime\" : "
        output += waitTime.map(Self.number) ?? "null"
        output += "\n  }"
        return idStart..<idEnd
    }

    /// A number as `JSONEncoder` writes it (`450`, not `450.0`); null when not finite.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest verbatim.
    static func writeString(_ text: String, to output: inout String) {
        JSONString.append(text, to: &output)
    }
}
