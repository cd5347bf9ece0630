import ECEChat
import Hummingbird

/// The ECE API: `GET …/entrypoint/{call}/{id}` and `POST …/entrypoint/survey`.
struct ChatRoutes: Sendable {
    let state: SimulatorState

    static let maximumSurveySize = 1 << 20
    static let oversizedBodySize = 64 * 1024 + 4096

    func add(to router: Router<SimulatorRequestContext>) {
        let api = router.group("system/egain/chat/entrypoint")
        api.get(":call/:id") { request, context in try await status(request, context) }
        api.post("survey") { request, context in try await survey(request, context) }
    }

    private func status(_ request: Request, _ context: SimulatorRequestContext) async throws -> Response {
        guard let call = context.parameters.get("call").flatMap(ChatAPICall.init(rawValue:)) else {
            throw HTTPError(.notFound)
        }
        let idText = context.parameters.get("id") ?? ""
        let parsedID = try? EntryPointID(parsing: idText)
        await state.record(call.rawValue, entryPoint: parsedID)
        let json = HTTPAnswers.wantsJSON(request)
        guard let id = parsedID else {
            let message = ChatAPIError.invalidEntryPointID(idText, reason: "not a positive whole number").description
            let body = ResponseBodies.error(status: 400, code: "400-115", message: message, json: json)
            return json ? HTTPAnswers.json(.badRequest, body) : HTTPAnswers.xml(.badRequest, body)
        }
        let (value, plan) = await state.answer(call, entryPoint: id)
        return try await FaultResponder(state: state, context: context, json: json).respond(plan, call: call) {
            guard let value else {
                let message = "unable to retrieve \(call.rawValue): entry point \(id) does not exist"
                let body = ResponseBodies.error(status: 500, code: "500-101", message: message, json: json)
                return json ? HTTPAnswers.json(.internalServerError, body) : HTTPAnswers.xml(.internalServerError, body)
            }
            return FaultResponder.body(value, json: json, style: $0)
        }
    }

    private func survey(_ request: Request, _ context: SimulatorRequestContext) async throws -> Response {
        await state.record("survey")
        let json = HTTPAnswers.wantsJSON(request)
        let plan = await state.surveyPlan()
        var request = request
        let buffer = try await request.collectBody(upTo: Self.maximumSurveySize)
        return try await FaultResponder(state: state, context: context, json: json).respond(plan, call: nil) { _ in
            do {
                let survey = try Survey(xmlBody: Array(buffer.readableBytesView))
                await state.receive(survey)
                return Response(status: .noContent)
            } catch {
                let reason = (error as? ChatAPIError)?.description ?? "\(error)"
                return HTTPAnswers.text(.badRequest, reason + "\n", contentType: "text/plain; charset=utf-8")
            }
        }
    }
}
