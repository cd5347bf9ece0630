import Foundation
import Hummingbird

/// Small helpers to build the simulator's HTTP responses.
enum HTTPAnswers {
    static func text(_ status: HTTPResponse.Status, _ body: String, contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func xml(_ status: HTTPResponse.Status, _ body: String) -> Response {
        text(status, body, contentType: "application/xml")
    }

    static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
        text(status, body, contentType: "application/json")
    }

    /// A JSON answer of the control API, pretty and with sorted keys so `curl` output reads well.
    static func encoded(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return json(status, String(decoding: data, as: UTF8.self) + "\n")
    }

    static func controlError(_ status: HTTPResponse.Status, _ message: String) -> Response {
        encoded(["error": message], status: status)
    }

    static func wantsJSON(_ request: Request) -> Bool {
        request.headers[.accept]?.lowercased().contains("json") ?? false
    }
}
