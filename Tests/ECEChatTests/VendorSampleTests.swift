import ECEChat
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The vendor's printed samples, byte for byte, defects and all.
enum VendorSample {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "xml", subdirectory: "Resources"))
        return Array(try Data(contentsOf: url))
    }
}

@Suite("The vendor's printed samples, read as printed")
struct VendorSampleTests {
    @Test func agentAvailability() throws {
        let value = try ChatResponseDecoder.decode(.agentAvailability, body: VendorSample.bytes("agentAvailability"))
        #expect(value == .agentAvailability(true))
    }

    @Test func capacity() throws {
        let value = try ChatResponseDecoder.decode(.capacity, body: VendorSample.bytes("capacity"))
        #expect(value == .capacity(4))
    }

    @Test func liveSessionStatus() throws {
        let value = try ChatResponseDecoder.decode(.liveSessionStatus, body: VendorSample.bytes("liveSessionStatus"))
        #expect(value == .sessionStatus(SessionStatus(queueDepth: 1, waitTimeSeconds: 3.0)))
    }

    @Test func checkEligibility() throws {
        let value = try ChatResponseDecoder.decode(.checkEligibility, body: VendorSample.bytes("checkEligibility"))
        #expect(value == .eligibility(.canTakeChats))
    }

    @Test func chatAllowedTrue() throws {
        let value = try ChatResponseDecoder.decode(.chatAllowed, body: VendorSample.bytes("chatAllowed-true"))
        #expect(value == .chatAllowed(ChatAllowed(allowed: true)))
    }

    @Test func chatAllowedFalse() throws {
        let value = try ChatResponseDecoder.decode(.chatAllowed, body: VendorSample.bytes("chatAllowed-false"))
        #expect(value == .chatAllowed(ChatAllowed(allowed: false, reason: .entryPointInactive)))
    }

    @Test func surveyRequest() throws {
        let survey = try Survey(xmlBody: VendorSample.bytes("survey-request"))
        #expect(survey.sessionID == "1000")
        #expect(survey.answers.map(\.question) == ["Question 1", "Question 2", "Question 3", "Question 4"])
        #expect(survey.answers.map(\.answer) == ["Answer 1", "Answer 2", "Answer 3", "Answer 4"])
    }

    @Test("Foundation's XMLParser loses responseType=0, which is why the reader exists")
    func xmlParserDropsUnquotedAttribute() throws {
        let delegate = AttributeCollector()
        let parser = XMLParser(data: Data(try VendorSample.bytes("checkEligibility")))
        parser.delegate = delegate
        _ = parser.parse()
        #expect(delegate.attributes["checkEligibility"]?["responseType"] == nil)
    }
}

@Suite("Each printed defect alone, in an otherwise well-formed body")
struct DefectTests {
    @Test func declarationClosedAsEmptyElement() throws {
        let body = #"<?xml version="1.0" encoding="UTF-8" standalone="yes" /><agentAvailability available="false"/>"#
        #expect(try ChatResponseDecoder.decode(.agentAvailability, body: Array(body.utf8)) == .agentAvailability(false))
    }

    @Test func spacesInsideClosingTagName() throws {
        let body = "<sessionStatus><ns2:waitTime>12.5</ns2:waitTime><ns2:queueDepth>7</ns2: queueDepth ></sessionStatus>"
        #expect(try ChatResponseDecoder.decode(.liveSessionStatus, body: Array(body.utf8)) == .sessionStatus(.init(queueDepth: 7, waitTimeSeconds: 12.5)))
    }

    @Test(arguments: [("0", Eligibility.canTakeChats), ("1", .noAgentAvailable), ("2", .queueDepthReached), ("7", .unrecognized(7))])
    func unquotedAttributeValue(code: String, expected: Eligibility) throws {
        for ending in [" />", "/>", ">", " >"] {
            let close = ending.hasSuffix("/>") ? "" : "</checkEligibility>"
            let body = "<checkEligibility responseType=\(code)\(ending)\(close)"
            #expect(try ChatResponseDecoder.decode(.checkEligibility, body: Array(body.utf8)) == .eligibility(expected), "\(body)")
        }
    }

    @Test func namespaceURIsDoNotMatter() throws {
        let body = #"<availableSlots xmlns:ns2="http://bindIngs.egain.com/chat " xmlns:ns3="jabber:client "><ns2:count>9</ns2:count></availableSlots>"#
        #expect(try ChatResponseDecoder.decode(.capacity, body: Array(body.utf8)) == .capacity(9))
    }

    @Test func anyPrefixAndNoPrefix() throws {
        for prefix in ["", "ns2:", "ns3:", "ns4:", "chat:"] {
            let body = "<availableSlots><\(prefix)count>3</\(prefix)count></availableSlots>"
            #expect(try ChatResponseDecoder.decode(.capacity, body: Array(body.utf8)) == .capacity(3))
        }
    }
}

@Suite("ECE 12 and other well-formed shapes")
struct WellFormedShapeTests {
    @Test func ece12Capacity() throws {
        let body = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><availableSlots xmlns:ns2="http://bindings.egain.com/chat" xmlns:ns3="urn:ietf:params:xml:ns:xmpp-stanzas" xmlns:ns4="jabber:client"><ns2:count>1</ns2:count></availableSlots>"#
        #expect(try ChatResponseDecoder.decode(.capacity, body: Array(body.utf8)) == .capacity(1))
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let body = [0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\"?>\r\n<sessionStatus>\r\n  <ns2:waitTime>\r\n4.5\r\n</ns2:waitTime>\r\n  <ns2:queueDepth>2</ns2:queueDepth>\r\n</sessionStatus>\r\n".utf8)
        #expect(try ChatResponseDecoder.decode(.liveSessionStatus, body: body) == .sessionStatus(.init(queueDepth: 2, waitTimeSeconds: 4.5)))
    }

    @Test func entityAndCharacterReferences() throws {
        let body = #"<chatAllowed allowed="false" reason="r&amp;d&#95;&#x2603;&lt;&gt;&quot;&apos;"/>"#
        #expect(try ChatResponseDecoder.decode(.chatAllowed, body: Array(body.utf8)) == .chatAllowed(.init(allowed: false, reason: .unrecognized("r&d_☃<>\"'"))))
    }

    @Test func commentsAndCDATA() throws {
        let body = "<!-- from ECE --><availableSlots><!-- x --><ns2:count><![CDATA[5]]></ns2:count></availableSlots><!-- end -->"
        #expect(try ChatResponseDecoder.decode(.capacity, body: Array(body.utf8)) == .capacity(5))
    }

    @Test(arguments: ChatAllowedReason.documented)
    func everyDocumentedReason(reason: ChatAllowedReason) throws {
        let body = #"<chatAllowed allowed="false" reason="\#(reason.rawValue)"/>"#
        #expect(try ChatResponseDecoder.decode(.chatAllowed, body: Array(body.utf8)) == .chatAllowed(.init(allowed: false, reason: reason)))
    }

    @Test func unknownReasonIsKeptVerbatim() throws {
        let body = #"<chatAllowed allowed="false" reason="maintenance_window"/>"#
        let value = try ChatResponseDecoder.decode(.chatAllowed, body: Array(body.utf8))
        guard case .chatAllowed(let allowed) = value else { Issue.record("not chatAllowed"); return }
        #expect(allowed.reason == .unrecognized("maintenance_window"))
        #expect(allowed.reason?.rawValue == "maintenance_window")
    }
}

@Suite("JSON shapes")
struct JSONShapeTests {
    @Test func everyShape() throws {
        func decode(_ call: ChatAPICall, _ json: String, contentType: String? = "application/json") throws -> ChatAPIValue {
            try ChatResponseDecoder.decode(call, body: Array(json.utf8), contentType: contentType)
        }
        #expect(try decode(.agentAvailability, #"{"available":true}"#) == .agentAvailability(true))
        #expect(try decode(.agentAvailability, #"{"available":"false"}"#) == .agentAvailability(false))
        #expect(try decode(.capacity, #"{"count":1}"#) == .capacity(1))
        #expect(try decode(.liveSessionStatus, #"{"waitTime":10,"queueDepth":2}"#) == .sessionStatus(.init(queueDepth: 2, waitTimeSeconds: 10)))
        #expect(try decode(.liveSessionStatus, #"{"waitTime":"3.5","queueDepth":"4"}"#) == .sessionStatus(.init(queueDepth: 4, waitTimeSeconds: 3.5)))
        #expect(try decode(.checkEligibility, #"{"responseType":0}"#) == .eligibility(.canTakeChats))
        #expect(try decode(.chatAllowed, #"{"allowed":false,"reason":"agent_not_available"}"#) == .chatAllowed(.init(allowed: false, reason: .agentNotAvailable)))
        #expect(try decode(.chatAllowed, #"{"allowed":"true"}"#) == .chatAllowed(.init(allowed: true)))
        // Recognised by its first byte when the server mislabels it.
        #expect(try decode(.capacity, #"  {"count":6}"#, contentType: "text/plain") == .capacity(6))
    }

    @Test func errorShapeIsATypedError() {
        let body = Array(#"{"code":"400-115","developerMessage":"Entry point id is invalid"}"#.utf8)
        #expect {
            _ = try ChatResponseDecoder.decode(.capacity, body: body, contentType: "application/json")
        } throws: { error in
            guard let error = error as? ChatAPIError else { return false }
            return error.kind == .malformedBody && error.description.contains("capacity") && error.description.contains("400-115")
        }
    }
}

final class AttributeCollector: NSObject, XMLParserDelegate, @unchecked Sendable {
    var attributes: [String: [String: String]] = [:]
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes attributeDict: [String: String] = [:]) {
        attributes[elementName] = attributeDict
    }
}
