import Foundation

/// Reads the error bodies ECE sends with 4xx/5xx answers, `{"code":"400-115","developerMessage":"…"}`
/// or the same as XML, so an error line says the server's words instead of its markup.
enum ServerErrorBody {
    /// `500-101: unable to retrieve capacity`, or nil when the body is not such an error.
    static func summary(of body: [UInt8]) -> String? {
        var code: String?
        var message: String?
        if ChatResponseDecoder.isJSON(body: body, contentType: nil) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
            code = (object["code"] as? String) ?? (object["code"] as? NSNumber)?.stringValue
            message = object["developerMessage"] as? String ?? object["userMessage"] as? String ?? object["message"] as? String
        } else if let root = try? LenientXMLReader.parse(body) {
            code = root.child("code")?.text.trimmingWhitespace()
            message = (root.child("developerMessage") ?? root.child("userMessage") ?? root.child("message"))?.text.trimmingWhitespace()
        }
        guard let message, !message.isEmpty else { return nil }
        let text = code.map { "\($0): \(message)" } ?? message
        return ChatAPIError.excerpt(of: Array(text.utf8))
    }
}
