// libFuzzer entry point for everything that reads bytes a server (or a survey client) sends:
// the lenient XML reader, the response decoder (XML and JSON), server error bodies and surveys.
//
// Not part of the Swift package: scripts/fuzz compiles it with ECEChat's reader sources under
// `-sanitize=fuzzer`, so a normal `swift build` never sees it.

/// Feeds one input to the readers; a crash, a trap or a sanitizer report is the finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func readerFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let root = try? LenientXMLReader.parse(bytes)
    // The call whose root element the body has (so mutants of a sample reach its field
    // checks), else one chosen by size; the same input always takes the same path.
    let call = ChatAPICall.allCases.first { $0.rootElementName == root?.name } ?? ChatAPICall.allCases[size % ChatAPICall.allCases.count]
    // Typed throws: anything that comes back is a ChatAPIValue or a ChatAPIError.
    _ = try? ChatResponseDecoder.decode(call, body: bytes)
    _ = try? ChatResponseDecoder.decode(call, body: bytes, contentType: "application/json")
    let line = ChatAPIError.httpStatus(call: call.rawValue, status: 500, body: bytes).description
    if line.contains("\n") { fatalError("an error description spans lines: \(line)") }
    if root?.name == "egainSurvey", let survey = try? Survey(xmlBody: bytes) {
        // What the reader accepted must survive a write and a second read unchanged.
        let again = try? Survey(xmlBody: Array(survey.xmlBody.utf8))
        if again != survey { fatalError("survey does not round-trip: \(survey)") }
    }
    return 0
}
