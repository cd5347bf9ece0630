import ECEChat
import Hummingbird

/// Carries out a `FaultPlan`: waits, stalls, drops the connection, fails, oversizes, or lets the
/// normal answer through in the planned body style.
struct FaultResponder: Sendable {
    let state: SimulatorState
    let context: SimulatorRequestContext
    let json: Bool

    /// Thrown after closing the connection so Hummingbird writes nothing more.
    struct ConnectionDropped: Error {}

    func respond(
        _ plan: FaultPlan, call: ChatAPICall?,
        answer: @Sendable (FaultPlan.BodyStyle) async throws -> Response
    ) async throws -> Response {
        if plan.delay > 0 { try await Task.sleep(for: .milliseconds(Int64((plan.delay * 1000).rounded()))) }
        switch plan.action {
        case .answer(let style):
            return try await answer(style)
        case .serverError:
            let body = ResponseBodies.error(status: 500, code: "500-100", message: "simulated server error", json: json)
            return json ? HTTPAnswers.json(.internalServerError, body) : HTTPAnswers.xml(.internalServerError, body)
        case .stall:
            try await stall()
        case .drop:
            try await context.channel.close()
            throw ConnectionDropped()
        case .oversize(let chunked):
            let body = ByteBuffer(string: ResponseBodies.oversized(call ?? .capacity, size: ChatRoutes.oversizedBodySize))
            var headers = HTTPFields()
            headers[.contentType] = "application/xml"
            guard chunked else { return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body)) }
            // No Content-Length: the body goes out chunked and only counting reveals its size.
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                var rest = body
                while let slice = rest.readSlice(length: min(8192, rest.readableBytes)), slice.readableBytes > 0 {
                    try await writer.write(slice)
                }
                try await writer.finish(nil)
            })
        }
    }

    /// Waits until the client gives up (its side closes) or the simulator stops, never answering;
    /// only this connection waits, other requests are served meanwhile.
    private func stall() async throws -> Never {
        let channel = context.channel
        let id = await state.registerStall { channel.close(promise: nil) }
        try? await channel.closeFuture.get()
        await state.endStall(id)
        throw ConnectionDropped()
    }

    static func body(_ value: ChatAPIValue, json: Bool, style: FaultPlan.BodyStyle) -> Response {
        switch style {
        case .wellFormed:
            return json ? HTTPAnswers.json(.ok, ResponseBodies.json(value)) : HTTPAnswers.xml(.ok, ResponseBodies.xml(value))
        case .printed:
            return HTTPAnswers.xml(.ok, PrintedSamples.body(value))
        case .mixedUp:
            // The other format, labelled as the one asked for.
            return json ? HTTPAnswers.json(.ok, ResponseBodies.xml(value)) : HTTPAnswers.xml(.ok, ResponseBodies.json(value))
        }
    }
}
