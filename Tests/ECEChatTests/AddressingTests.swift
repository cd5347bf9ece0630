import ECEChat
import Testing

@Suite("Server URLs and entry point IDs")
struct AddressingTests {
    @Test(arguments: [
        "https://ece.example.com", "https://ece.example.com/", "https://ece.example.com/system",
        "https://ece.example.com/system/", "https://ece.example.com/system/egain/chat/entrypoint",
        "https://ece.example.com/system/egain/chat/entrypoint/",
    ])
    func everyBaseFormBuildsTheSameURL(text: String) throws {
        let server = try ChatAPIServer(parsing: text)
        #expect(server.url(for: .capacity, entryPoint: EntryPointID(1000)!) == "https://ece.example.com/system/egain/chat/entrypoint/capacity/1000")
        #expect(server.surveyURL == "https://ece.example.com/system/egain/chat/entrypoint/survey")
    }

    @Test func portAndProxyPrefixAreKept() throws {
        let server = try ChatAPIServer(parsing: "http://127.0.0.1:8080/ece/system")
        #expect(server.url(for: .chatAllowed, entryPoint: EntryPointID(7)!) == "http://127.0.0.1:8080/ece/system/egain/chat/entrypoint/chatAllowed/7")
    }

    @Test(arguments: ["ftp://host", "host.example.com", "https://", "http://host?x=1", "", "http://host:99999"])
    func badURLsAreOneLineErrors(text: String) {
        #expect {
            _ = try ChatAPIServer(parsing: text)
        } throws: { error in
            (error as? ChatAPIError)?.kind == .invalidServerURL && !(error as! ChatAPIError).description.contains("\n")
        }
    }

    /// A host that decodes to a line break or a space would end the `Host` header early: the
    /// URL is refused at start-up in one line, not every request failed later.
    @Test(arguments: ["http://a%0d%0ab:80/x", "http://ece%20host", "http://ece%0aexample.com/system"])
    func aHostWithAControlCharacterOrASpaceIsRefused(text: String) {
        #expect {
            _ = try ChatAPIServer(parsing: text)
        } throws: { error in
            (error as? ChatAPIError)?.description == "invalid server URL \"\(text)\": the host name holds a space or a control character"
        }
    }

    @Test func credentialsAreNeverShown() throws {
        let server = try ChatAPIServer(parsing: "https://admin:s3cret@ece.example.com")
        #expect(!server.description.contains("s3cret"))
        #expect(server.description == "https://***@ece.example.com/system/egain/chat/entrypoint")
        #expect {
            _ = try ChatAPIServer(parsing: "ftp://admin:s3cret@ece.example.com")
        } throws: { error in !String(describing: error).contains("s3cret") }
    }

    @Test func idsAndRanges() throws {
        let ids = try EntryPointID.parseList(["1000", "1002-1004", "1003", "7,8"])
        #expect(ids.map(\.rawValue) == [1000, 1002, 1003, 1004, 7, 8])
    }

    @Test(arguments: ["abc", "-5", "0", "1.5", "99999999999999999999", "10-5", "1-20000", " "])
    func badIDsAreOneLineErrors(text: String) {
        #expect {
            _ = try EntryPointID.parseList([text])
        } throws: { error in
            guard let error = error as? ChatAPIError, error.kind == .invalidEntryPointID else { return false }
            return error.description.hasPrefix("invalid entry point ID")
        }
    }
}
