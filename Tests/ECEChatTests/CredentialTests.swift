import ECEChat
import Testing

/// `https://user:password@host`: the password goes to the server as Basic authorization and
/// appears in no URL the client builds, and in no text a person or a log sees.
@Suite("Credentials in the server URL", .timeLimit(.minutes(5)))
struct CredentialTests {
    @Test func theyTravelOnlyInTheAuthorizationHeader() async throws {
        let inbox = Inbox()
        try await withTestServer(ChatAPIClientTests.router(inbox: inbox)) { base in
            let server = try ChatAPIServer(parsing: base.replacingOccurrences(of: "http://", with: "http://admin:s3cret@"))
            #expect(!server.url(for: .capacity, entryPoint: ChatAPIClientTests.entryPoint).contains("admin"))
            #expect(!server.surveyURL.contains("admin"))
            #expect(server.description.hasPrefix("http://***@127.0.0.1:"))
            #expect(!server.authority.contains("s3cret"))
            let client = try ChatAPIClient(server: server)
            let exchange = await client.exchange(.capacity, entryPoint: ChatAPIClientTests.entryPoint)
            try await client.shutdown()
            #expect(exchange.value == .capacity(4), "\(String(describing: exchange.error))")
        }
        #expect(await inbox.headers.last?["authorization"] == "Basic YWRtaW46czNjcmV0")
    }

    @Test func noCredentialsNoAuthorization() async throws {
        let inbox = Inbox()
        try await withTestServer(ChatAPIClientTests.router(inbox: inbox)) { base in
            let client = try ChatAPIClient(server: try ChatAPIServer(parsing: base))
            _ = await client.exchange(.capacity, entryPoint: ChatAPIClientTests.entryPoint)
            try await client.shutdown()
        }
        #expect(await inbox.headers.last?["authorization"] == "")
    }

    @Test func aPercentEncodedPasswordIsDecodedForTheHeaderAndHiddenInErrors() throws {
        let server = try ChatAPIServer(parsing: "https://ops%40corp:p%3Ass@ece.example.com")
        #expect(server.authorization == "Basic b3BzQGNvcnA6cDpzcw==")
        #expect(server.description == "https://***@ece.example.com/system/egain/chat/entrypoint")
        #expect {
            _ = try ChatAPIServer(parsing: "https://ops:p%3Ass@ece.example.com?x=1")
        } throws: { error in !String(describing: error).contains("p%3Ass") && !String(describing: error).contains("ops:") }
    }
}
