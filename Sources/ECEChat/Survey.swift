/// A custom post-chat survey as `POST …/survey` takes it: a session ID and ordered answers.
public struct Survey: Hashable, Sendable {
    /// One question and the customer's answer.
    public struct Answer: Hashable, Sendable {
        public var question: String
        public var answer: String

        public init(question: String, answer: String) {
            self.question = question
            self.answer = answer
        }
    }

    public var sessionID: String
    public var answers: [Answer]

    /// Refuses text the XML body cannot carry (control characters other than tab and line ends).
    public init(sessionID: String, answers: [Answer]) throws(ChatAPIError) {
        try Self.validate(sessionID, field: "session ID")
        guard !sessionID.isEmpty else { throw .invalidSurveyText(field: "session ID", reason: "empty") }
        for (index, answer) in answers.enumerated() {
            try Self.validate(answer.question, field: "question \(index + 1)")
            try Self.validate(answer.answer, field: "answer \(index + 1)")
        }
        self.sessionID = sessionID
        self.answers = answers
    }

    /// The request body: `<egainSurvey sid="…">` with one `<survey>` per answer, all text escaped.
    public var xmlBody: String {
        var body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        body += "<egainSurvey sid=\"\(XMLEscaping.escape(sessionID))\">\n"
        for answer in answers {
            body += "<survey><question>\(XMLEscaping.escape(answer.question))</question>"
            body += "<answer>\(XMLEscaping.escape(answer.answer))</answer></survey>\n"
        }
        body += "</egainSurvey>\n"
        return body
    }

    /// Reads a survey body as the vendor prints it (and as `xmlBody` writes it).
    public init(xmlBody: [UInt8]) throws(ChatAPIError) {
        let document: LenientXMLElement
        do {
            document = try LenientXMLReader.parse(xmlBody)
        } catch {
            throw .malformedBody(call: "survey", expected: "an <egainSurvey> document (\(error.reason))", body: xmlBody)
        }
        guard document.name == "egainSurvey" else {
            throw .malformedBody(call: "survey", expected: "root element <egainSurvey>, found <\(document.name)>", body: xmlBody)
        }
        guard let sid = document.attribute("sid") else {
            throw .malformedBody(call: "survey", expected: "attribute sid on <egainSurvey>", body: xmlBody)
        }
        var answers: [Answer] = []
        for (index, element) in document.children.enumerated() where element.name == "survey" {
            guard let question = element.child("question")?.text,
                  let answer = element.child("answer")?.text
            else {
                throw .malformedBody(call: "survey", expected: "<question> and <answer> in <survey> \(index + 1)", body: xmlBody)
            }
            answers.append(Answer(question: question, answer: answer))
        }
        try self.init(sessionID: sid, answers: answers)
    }

    private static func validate(_ text: String, field: String) throws(ChatAPIError) {
        for scalar in text.unicodeScalars where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" {
            throw .invalidSurveyText(field: field, reason: "control character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)) is not allowed in XML")
        }
        for scalar in text.unicodeScalars where scalar.value == 0xFFFE || scalar.value == 0xFFFF {
            throw .invalidSurveyText(field: field, reason: "U+\(String(scalar.value, radix: 16, uppercase: true)) is not allowed in XML")
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

/// XML text and attribute escaping (`& < > " '`).
public enum XMLEscaping {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"
            default: result.append(character)
            }
        }
        return result
    }
}
