import ArgumentParser
import ECEChat

/// `ecetop survey`: posts one custom post-chat survey.
struct SurveyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: "Submit a custom chat survey (POST …/survey).",
        discussion: "Pairs are sent in the order given: --question Q1 --answer A1 --question Q2 --answer A2."
    )

    @OptionGroup var serverOptions: ServerOptions

    @Option(name: .long, help: ArgumentHelp("The chat session ID the survey belongs to.", valueName: "SID"))
    var sid: String

    @Option(name: .long, help: ArgumentHelp("A question; repeat, each followed by its --answer.", valueName: "TEXT"))
    var question: [String] = []

    @Option(name: .long, help: ArgumentHelp("The answer to the question before it.", valueName: "TEXT"))
    var answer: [String] = []

    func validate() throws {
        guard question.count == answer.count else {
            throw ValidationError("every --question needs one --answer (got \(question.count) questions, \(answer.count) answers)")
        }
        guard !question.isEmpty else { throw ValidationError("give at least one --question with its --answer") }
        _ = try makeSurvey()
    }

    func makeSurvey() throws -> Survey {
        do {
            return try Survey(sessionID: sid, answers: zip(question, answer).map { Survey.Answer(question: $0, answer: $1) })
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let survey = try makeSurvey()
        let client = try serverOptions.makeClient()
        print("POST \(client.server.surveyURL.replacingCredentials())")
        print(survey.xmlBody, terminator: "")
        do {
            let status = try await client.submitSurvey(survey)
            try? await client.shutdown()
            print("HTTP \(status): survey submitted")
        } catch {
            try? await client.shutdown()
            throw CommandFailure("\(error)")
        }
    }
}

extension String {
    func replacingCredentials() -> String { ChatAPIServer.redactingCredentials(in: self) }
}
