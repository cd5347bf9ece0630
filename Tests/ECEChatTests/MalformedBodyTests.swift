import ECEChat
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ECECommon

@Suite("Bodies that cannot be read become typed errors, never guesses")
struct MalformedBodyTests {
    static let cases: [(ChatAPICall, String)] = [
        (.capacity, ""),
        (.capacity, "<availableSlots><ns2:count>four</ns2:count></availableSlots>"),
        (.capacity, "<availableSlots></availableSlots>"),
        (.capacity, "<availableSlots><ns2:count>4</ns2:count>"),
        (.capacity, "<availableSlots><ns2:count>4</ns2:cnt></availableSlots>"),
        (.capacity, "<sessionStatus><ns2:count>4</ns2:count></sessionStatus>"),
        (.agentAvailability, #"<agentAvailability available="yes"/>"#),
        (.agentAvailability, "<agentAvailability available/>"),
        (.agentAvailability, #"<agentAvailability available="true" available="false"/>"#),
        (.checkEligibility, "<checkEligibility responseType=/>"),
        (.checkEligibility, "<checkEligibility/>"),
        (.chatAllowed, #"<chatAllowed allowed="true"/><chatAllowed allowed="false"/>"#),
        (.chatAllowed, #"<chatAllowed allowed="fal&bogus;se"/>"#),
        (.liveSessionStatus, "<sessionStatus><ns2:waitTime>nan</ns2:waitTime><ns2:queueDepth>1</ns2:queueDepth></sessionStatus>"),
        (.liveSessionStatus, "<html><body>Service Unavailable</body></html>"),
        (.liveSessionStatus, "{\"waitTime\": [1]}"),
        (.capacity, "garbage \u{07}\u{1B}[31m"),
    ]

    @Test(arguments: cases)
    func malformed(call: ChatAPICall, body: String) {
        #expect {
            _ = try ChatResponseDecoder.decode(call, body: Array(body.utf8))
        } throws: { error in
            guard let error = error as? ChatAPIError, error.kind == .malformedBody else { return false }
            let text = error.description
            // Names the call, says what was expected, and never carries control characters.
            return text.hasPrefix("\(call.rawValue): malformed body: expected ")
                && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }
    }

    @Test func excerptIsBoundedAndQuoted() throws {
        let body = Array(("<availableSlots><ns2:count>x</ns2:count></availableSlots>" + String(repeating: "z", count: 5000)).utf8)
        do {
            _ = try ChatResponseDecoder.decode(.capacity, body: body)
            Issue.record("decoded garbage")
        } catch {
            #expect(error.description.count < 400)
            #expect(error.description.contains("<availableSlots><ns2:count>x"))
        }
    }

    @Test func contentTypeNamesTheFormatInAnyCase() throws {
        let json = Array(#"  {"count":3}"#.utf8)
        let xml = Array("<availableSlots><count>3</count></availableSlots>".utf8)
        // The header wins over the body's look, whatever its case and parameters.
        #expect(throws: ChatAPIError.self) { try ChatResponseDecoder.decode(.capacity, body: xml, contentType: "Application/JSON; charset=UTF-8") }
        #expect(try ChatResponseDecoder.decode(.capacity, body: xml, contentType: "text/xml; note=jso") == .capacity(3))
        // Without a header saying so, a body that opens with `{` is JSON.
        #expect(try ChatResponseDecoder.decode(.capacity, body: json, contentType: nil) == .capacity(3))
    }

    /// A tag's first attributes are checked for repeats by a scan, later ones by a set: both
    /// refuse a repeat, by local name, and accept as many distinct ones as come.
    @Test(arguments: [1, 7, 8, 40])
    func aRepeatedAttributeIsRefusedHoweverManyCameBefore(count: Int) throws {
        let distinct = (0..<count).map { "a\($0)=\"\($0)\"" }.joined(separator: " ")
        #expect(try LenientXMLReader.parse("<e \(distinct)/>").attributes.map(\.name) == (0..<count).map { "a\($0)" })
        #expect {
            try LenientXMLReader.parse("<e \(distinct) ns:a0=\"again\"/>")
        } throws: { error in
            (error as? LenientXMLError)?.reason.hasPrefix("attribute a0 appears twice in <e>") == true
        }
    }

    @Test func deepNestingIsRefused() {
        let body = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(throws: LenientXMLError.self) { try LenientXMLReader.parse(body) }
    }

    @Test func deepJSONNestingWithinTheBodyCapIsAnErrorNotAStackOverflow() {
        // 64 KiB is the client's body cap: the deepest nesting a server can send.
        let body = Array(("{\"count\":" + String(repeating: "[", count: 64 * 1024 - 10) + "}").utf8)
        #expect(throws: ChatAPIError.self) { try ChatResponseDecoder.decode(.capacity, body: body) }
        // The error quotes the body's first 200 bytes, marked as cut.
        let description = ChatAPIError.httpStatus(call: "capacity", status: 500, body: body).description
        #expect(description == "capacity: HTTP 500: {\"count\":" + String(repeating: "[", count: 191) + "…")
    }

    static let markup = Array("<>&\"'=/ :;".utf8)

    @Test("A deterministic mutation sweep over the samples: no crash, every outcome typed")
    func mutationSweep() throws {
        var generator = SplitMix64(seed: 0xEC_E700)
        let names = ["agentAvailability", "capacity", "liveSessionStatus", "checkEligibility", "chatAllowed-true", "chatAllowed-false",
                     "survey-request"]
        var decoded = 0
        for name in names {
            let original = try VendorSample.bytes(name)
            // Kept small: a sync test holds one of the pool's threads (two on a 2-core CI
            // machine) while it runs; scripts/fuzz is where volume goes.
            for index in 0..<200 {
                let mutated = Self.mutate(original, &generator)
                for call in ChatAPICall.allCases {
                    // Typed throws: what comes back is a value or a ChatAPIError, by construction;
                    // the sweep checks that it comes back at all, and as the right kind. Every
                    // fifth mutant is also read as JSON whatever it looks like.
                    for contentType in index % 5 == 0 ? [nil, "application/json"] : [nil] {
                        do {
                            _ = try ChatResponseDecoder.decode(call, body: mutated, contentType: contentType)
                            decoded += 1
                        } catch {
                            #expect(error.kind == .malformedBody)
                        }
                    }
                }
                #expect(!ChatAPIError.httpStatus(call: "capacity", status: 500, body: mutated).description.contains("\n"))
                if let survey = try? Survey(xmlBody: mutated) {
                    // Whatever the reader accepts must survive a write and a second read.
                    #expect(try Survey(xmlBody: Array(survey.xmlBody.utf8)) == survey)
                }
            }
        }
        // Some mutants still decode (a flipped namespace letter changes nothing): the sweep
        // exercises the success path too.
        #expect(decoded > 0)
    }

    /// One to four byte flips, deletions, markup insertions or truncations at random places.
    static func mutate(_ original: [UInt8], _ generator: inout SplitMix64) -> [UInt8] {
        var mutated = original
        for _ in 0..<Int(generator.next() % 4 + 1) {
            guard !mutated.isEmpty else { break }
            let position = Int(generator.next() % UInt64(mutated.count))
            switch generator.next() % 4 {
            case 0: mutated[position] = UInt8(truncatingIfNeeded: generator.next())
            case 1: mutated.remove(at: position)
            case 2: mutated.insert(markup[Int(generator.next() % UInt64(markup.count))], at: position)
            default: mutated.removeSubrange(position...)
            }
        }
        return mutated
    }
}

@Suite("The reader agrees with XMLParser on well-formed bodies")
struct DifferentialTests {
    @Test func randomWellFormedDocuments() throws {
        var generator = SplitMix64(seed: 42)
        let names = ["availableSlots", "ns2:count", "ns3:x", "sessionStatus", "a", "b:c"]
        let texts = ["4", "3.0", "a &amp; b", "&lt;tag&gt;", "é ☃", "&#65;&#x42;", " spaced  text "]
        for _ in 0..<300 {
            var document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            var expected: [(String, [String: String], String)] = []
            func element(depth: Int) -> String {
                let name = names[Int(generator.next() % UInt64(names.count))]
                let attributeValue = texts[Int(generator.next() % UInt64(texts.count))]
                let text = texts[Int(generator.next() % UInt64(texts.count))]
                var body = "<\(name) k=\"\(attributeValue)\">\(text)"
                expected.append((name, ["k": attributeValue], text))
                if depth < 3 {
                    for _ in 0..<Int(generator.next() % 3) { body += element(depth: depth + 1) }
                }
                return body + "</\(name)>"
            }
            document += element(depth: 0)
            let ours = try LenientXMLReader.parse(document)
            let collector = TreeCollector()
            let parser = XMLParser(data: Data(document.utf8))
            parser.delegate = collector
            #expect(parser.parse())
            var flattened: [(String, String, String)] = []
            func flatten(_ element: LenientXMLElement) {
                flattened.append((element.qualifiedName, element.attribute("k") ?? "", element.text))
                element.children.forEach(flatten)
            }
            flatten(ours)
            #expect(flattened.map(\.0) == collector.elements.map(\.name))
            #expect(flattened.map(\.1) == collector.elements.map(\.attribute))
            #expect(flattened.map(\.2) == collector.elements.map(\.text))
        }
    }
}

final class TreeCollector: NSObject, XMLParserDelegate, @unchecked Sendable {
    var elements: [(name: String, attribute: String, text: String)] = []
    private var stack: [Int] = []
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((elementName, attributes["k"] ?? "", ""))
        stack.append(elements.count - 1)
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let top = stack.last { elements[top].text += string }
    }
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
}

@Suite("Server error bodies")
struct ServerErrorBodyTests {
    @Test func jsonAndXMLErrorsAreSummarised() {
        let json = ChatAPIError.httpStatus(call: "capacity", status: 400, body: Array(#"{"code":"400-115","developerMessage":"Entry point id is invalid"}"#.utf8))
        #expect(json.description == "capacity: HTTP 400: 400-115: Entry point id is invalid")
        let xml = ChatAPIError.httpStatus(call: "capacity", status: 500, body: Array("<error><code>500-101</code><developerMessage>unable to retrieve capacity</developerMessage></error>".utf8))
        #expect(xml.description == "capacity: HTTP 500: 500-101: unable to retrieve capacity")
        let html = ChatAPIError.httpStatus(call: "capacity", status: 503, body: Array("<html><body>Service Unavailable</body></html>".utf8))
        #expect(html.description == "capacity: HTTP 503: <html><body>Service Unavailable</body></html>")
    }
}
