import ECEChat
import ECECommon

/// The bodies the simulator serves: well-formed XML in the vendor's shape, JSON, and errors.
enum ResponseBodies {
    /// The namespace declarations of the ECE 12 lab capture (`ns3` and `ns4` numbered the other
    /// way round from the 11.6 note), on a root element that has no namespace itself.
    static let namespaces = #"xmlns:ns2="http://bindings.egain.com/chat" xmlns:ns3="urn:ietf:params:xml:ns:xmpp-stanzas" xmlns:ns4="jabber:client" xmlns:ns5="http://jabber.org/protocol/httpbind""#
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#

    static func xml(_ value: ChatAPIValue) -> String {
        let root = value.call.rootElementName
        let open = "\(declaration)\n<\(root) \(namespaces)"
        switch value {
        case .agentAvailability(let available):
            return "\(open) available=\"\(available)\"/>\n"
        case .capacity(let count):
            return "\(open)><ns2:count>\(count)</ns2:count></\(root)>\n"
        case .sessionStatus(let status):
            return "\(open)><ns2:waitTime>\(decimal(status.waitTimeSeconds))</ns2:waitTime><ns2:queueDepth>\(status.queueDepth)</ns2:queueDepth></\(root)>\n"
        case .eligibility(let eligibility):
            return "\(open) responseType=\"\(eligibility.code)\"/>\n"
        case .chatAllowed(let answer):
            let reason = answer.reason.map { " reason=\"\(XMLEscaping.escape($0.rawValue))\"" } ?? ""
            return "\(open) allowed=\"\(answer.allowed)\"\(reason)/>\n"
        }
    }

    static func json(_ value: ChatAPIValue) -> String {
        switch value {
        case .agentAvailability(let available):
            return #"{"available":\#(available)}"#
        case .capacity(let count):
            return #"{"count":\#(count)}"#
        case .sessionStatus(let status):
            return #"{"waitTime":\#(decimal(status.waitTimeSeconds)),"queueDepth":\#(status.queueDepth)}"#
        case .eligibility(let eligibility):
            return #"{"responseType":\#(eligibility.code)}"#
        case .chatAllowed(let answer):
            let reason = answer.reason.map { #","reason":"\#(jsonEscape($0.rawValue))""# } ?? ""
            return #"{"allowed":\#(answer.allowed)\#(reason)}"#
        }
    }

    /// An error in the shape ECE uses: JSON `{"code":…,"developerMessage":…}` or the same as XML.
    static func error(status: Int, code: String, message: String, json: Bool) -> String {
        if json {
            return #"{"code":"\#(code)","developerMessage":"\#(jsonEscape(message))"}"#
        }
        return "\(declaration)<error><code>\(code)</code><developerMessage>\(XMLEscaping.escape(message))</developerMessage></error>\n"
    }

    /// A body of `size` bytes that starts like a real answer, so only its size is wrong.
    static func oversized(_ call: ChatAPICall, size: Int) -> String {
        let head = "\(declaration)\n<\(call.rootElementName) \(namespaces)><!-- "
        let tail = " --></\(call.rootElementName)>\n"
        return head + String(repeating: "x", count: max(0, size - head.utf8.count - tail.utf8.count)) + tail
    }

    /// `3.0`, `12.5`: always with a decimal point, as the vendor sample writes it.
    static func decimal(_ value: Double) -> String {
        value.isFinite ? String(value) : "0.0"
    }

    static func jsonEscape(_ text: String) -> String {
        JSONString.escaped(text)
    }
}
