import Foundation

/// Turns a response body into a `ChatAPIValue`, from XML (the vendor's shapes, defects
/// included) or JSON, whichever the server sent.
public enum ChatResponseDecoder {
    public static func decode(_ call: ChatAPICall, body: [UInt8], contentType: String? = nil) throws(ChatAPIError) -> ChatAPIValue {
        if isJSON(body: body, contentType: contentType) {
            return try decodeJSON(call, body: body)
        }
        return try decodeXML(call, body: body)
    }

    /// JSON when the server says so, or when the body (after a BOM and white space) opens with `{`.
    static func isJSON(body: [UInt8], contentType: String?) -> Bool {
        if let contentType, containsJSON(contentType) { return true }
        var index = body.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < body.count, [0x20, 0x09, 0x0A, 0x0D].contains(body[index]) { index += 1 }
        return index < body.count && body[index] == UInt8(ascii: "{")
    }

    /// `json` anywhere in a header value, any case, by bytes: Foundation's `contains` cost
    /// more than the rest of the check on every response.
    private static func containsJSON(_ contentType: String) -> Bool {
        let bytes = Array(contentType.utf8)
        guard bytes.count >= 4 else { return false }
        for start in 0...(bytes.count - 4) {
            if bytes[start] | 0x20 == UInt8(ascii: "j"), bytes[start + 1] | 0x20 == UInt8(ascii: "s"),
               bytes[start + 2] | 0x20 == UInt8(ascii: "o"), bytes[start + 3] | 0x20 == UInt8(ascii: "n") { return true }
        }
        return false
    }

    // MARK: XML

    static func decodeXML(_ call: ChatAPICall, body: [UInt8]) throws(ChatAPIError) -> ChatAPIValue {
        let root: LenientXMLElement
        do {
            root = try LenientXMLReader.parse(body)
        } catch {
            throw .malformedBody(call: call.rawValue, expected: "XML <\(call.rootElementName)> (\(error.reason))", body: body)
        }
        guard root.name == call.rootElementName else {
            throw .malformedBody(call: call.rawValue, expected: "root element <\(call.rootElementName)>, found <\(root.qualifiedName)>", body: body)
        }
        let reader = FieldReader(call: call, body: body)
        switch call {
        case .agentAvailability:
            return .agentAvailability(try reader.bool(root.attribute("available"), "attribute available=\"true|false\""))
        case .capacity:
            return .capacity(try reader.int(root.child("count")?.text, "element <count> with a whole number"))
        case .liveSessionStatus:
            let wait = try reader.double(root.child("waitTime")?.text, "element <waitTime> with a number")
            let depth = try reader.int(root.child("queueDepth")?.text, "element <queueDepth> with a whole number")
            return .sessionStatus(SessionStatus(queueDepth: depth, waitTimeSeconds: wait * WaitTimeUnit.secondsPerUnit))
        case .checkEligibility:
            return .eligibility(Eligibility(code: try reader.int(root.attribute("responseType"), "attribute responseType with 0, 1 or 2")))
        case .chatAllowed:
            let allowed = try reader.bool(root.attribute("allowed"), "attribute allowed=\"true|false\"")
            return .chatAllowed(ChatAllowed(allowed: allowed, reason: reason(root.attribute("reason"))))
        }
    }

    private static func reason(_ text: String?) -> ChatAllowedReason? {
        guard let trimmed = text?.trimmingWhitespace(), !trimmed.isEmpty else { return nil }
        return ChatAllowedReason(rawValue: trimmed)
    }

    // MARK: JSON

    static func decodeJSON(_ call: ChatAPICall, body: [UInt8]) throws(ChatAPIError) -> ChatAPIValue {
        let fields: JSONFields
        do {
            fields = try JSONDecoder().decode(JSONFields.self, from: Data(body))
        } catch {
            throw .malformedBody(call: call.rawValue, expected: "a JSON object (\(describe(error)))", body: body)
        }
        let reader = FieldReader(call: call, body: body)
        switch call {
        case .agentAvailability:
            return .agentAvailability(try reader.bool(fields.available, "JSON field \"available\" (true or false)"))
        case .capacity:
            return .capacity(try reader.int(fields.count, "JSON field \"count\" (a whole number)"))
        case .liveSessionStatus:
            let wait = try reader.double(fields.waitTime, "JSON field \"waitTime\" (a number)")
            let depth = try reader.int(fields.queueDepth, "JSON field \"queueDepth\" (a whole number)")
            return .sessionStatus(SessionStatus(queueDepth: depth, waitTimeSeconds: wait * WaitTimeUnit.secondsPerUnit))
        case .checkEligibility:
            return .eligibility(Eligibility(code: try reader.int(fields.responseType, "JSON field \"responseType\" (0, 1 or 2)")))
        case .chatAllowed:
            let allowed = try reader.bool(fields.allowed, "JSON field \"allowed\" (true or false)")
            return .chatAllowed(ChatAllowed(allowed: allowed, reason: reason(fields.reason)))
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context):
            return context.debugDescription.split(separator: "\n").first.map(String.init) ?? "not JSON"
        default:
            return "not JSON"
        }
    }

    /// The fields of every JSON shape, each read as text so that `"true"` and `true`, `"2"` and
    /// `2` are read alike and checked in one place.
    private struct JSONFields: Decodable {
        var available: String?
        var count: String?
        var waitTime: String?
        var queueDepth: String?
        var responseType: String?
        var allowed: String?
        var reason: String?

        enum CodingKeys: String, CodingKey {
            case available, count, waitTime, queueDepth, responseType, allowed, reason
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func scalar(_ key: CodingKeys) throws -> String? {
                guard container.contains(key), try !container.decodeNil(forKey: key) else { return nil }
                if let text = try? container.decode(String.self, forKey: key) { return text }
                if let flag = try? container.decode(Bool.self, forKey: key) { return flag ? "true" : "false" }
                if let whole = try? container.decode(Int.self, forKey: key) { return String(whole) }
                if let number = try? container.decode(Double.self, forKey: key) { return String(number) }
                throw DecodingError.typeMismatch(String.self, .init(codingPath: [key], debugDescription: "\"\(key.rawValue)\" is not a number, string or boolean"))
            }
            available = try scalar(.available)
            count = try scalar(.count)
            waitTime = try scalar(.waitTime)
            queueDepth = try scalar(.queueDepth)
            responseType = try scalar(.responseType)
            allowed = try scalar(.allowed)
            reason = try scalar(.reason)
        }
    }
}

/// Reads one field's text strictly: a value that is missing or not of its type is an error
/// naming what was expected, never a default.
private struct FieldReader {
    let call: ChatAPICall
    let body: [UInt8]

    func bool(_ text: String?, _ expected: String) throws(ChatAPIError) -> Bool {
        switch text?.trimmingWhitespace().lowercased() {
        case "true": return true
        case "false": return false
        default: throw .malformedBody(call: call.rawValue, expected: expected, body: body)
        }
    }

    func int(_ text: String?, _ expected: String) throws(ChatAPIError) -> Int {
        guard let trimmed = text?.trimmingWhitespace(), let value = Int(trimmed) else {
            throw .malformedBody(call: call.rawValue, expected: expected, body: body)
        }
        return value
    }

    func double(_ text: String?, _ expected: String) throws(ChatAPIError) -> Double {
        guard let trimmed = text?.trimmingWhitespace(),
              !trimmed.isEmpty,
              trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }),
              let value = Double(trimmed), value.isFinite
        else {
            throw .malformedBody(call: call.rawValue, expected: expected, body: body)
        }
        return value
    }
}
