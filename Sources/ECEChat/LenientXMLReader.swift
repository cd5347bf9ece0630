/// An element read by `LenientXMLReader`: local names only, namespace URIs ignored.
public struct LenientXMLElement: Hashable, Sendable {
    /// One attribute, by local name (`xmlns:ns2` keeps its full name).
    public struct Attribute: Hashable, Sendable {
        public var name: String
        public var value: String
    }

    /// The local name: `count` for `<ns2:count>`.
    public var name: String
    public var qualifiedName: String
    public var attributes: [Attribute]
    public var children: [LenientXMLElement]
    /// The character data directly inside this element, entities decoded, not trimmed.
    public var text: String

    public func attribute(_ localName: String) -> String? {
        attributes.first { $0.name == localName }?.value
    }

    public func child(_ localName: String) -> LenientXMLElement? {
        children.first { $0.name == localName }
    }
}

/// Why `LenientXMLReader` gave up, with the line and column where it did.
public struct LenientXMLError: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String
    public var line: Int
    public var column: Int
    public var description: String { reason }
}

/// Reads the XML that ECE servers (and the vendor's printed samples) actually send.
///
/// Strict parsers reject the vendor's samples, and Foundation's `XMLParser` on Linux (libxml2
/// in recovery mode) silently drops an unquoted `responseType=0` while reporting success. This
/// reader accepts exactly the known defects and refuses everything else with a reason:
/// - an XML declaration closed as `/>`;
/// - white space inside a closing tag's name (`</ns2: queueDepth >`);
/// - unquoted attribute values (`responseType=0`);
/// - any namespace prefix or URI (names are matched by their local part);
/// - a UTF-8 byte order mark, CRLF line ends.
/// It is one forward pass over the bytes with an explicit stack, so time is linear in the input
/// and depth is capped: hostile bodies cannot make it recurse or backtrack.
public enum LenientXMLReader {
    public static let defaultMaximumDepth = 32

    public static func parse(_ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) throws(LenientXMLError) -> LenientXMLElement {
        var parser = Parser(bytes: bytes, maximumDepth: maximumDepth)
        return try parser.parseDocument()
    }

    public static func parse(_ text: String, maximumDepth: Int = defaultMaximumDepth) throws(LenientXMLError) -> LenientXMLElement {
        try parse(Array(text.utf8), maximumDepth: maximumDepth)
    }
}

private struct Parser {
    let bytes: [UInt8]
    let maximumDepth: Int
    var index = 0

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    private struct OpenElement {
        var element: LenientXMLElement
        var textBytes: [UInt8] = []
    }

    mutating func parseDocument() throws(LenientXMLError) -> LenientXMLElement {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        try skipMisc()
        guard index < bytes.count else { throw failure("empty body: no root element") }
        guard bytes[index] == UInt8(ascii: "<") else { throw failure("text before the root element") }

        var stack: [OpenElement] = []
        var root: LenientXMLElement?
        while root == nil {
            guard index < bytes.count else {
                throw failure("body ends inside <\(stack.last?.element.qualifiedName ?? "?")>: no closing tag")
            }
            let byte = bytes[index]
            if byte != UInt8(ascii: "<") {
                guard !stack.isEmpty else { throw failure("text outside the root element") }
                try readText(into: &stack[stack.count - 1].textBytes)
                continue
            }
            if matches("</") {
                let name = try readClosingTagName()
                guard var open = stack.popLast() else { throw failure("closing tag </\(string(name))> with nothing open") }
                guard open.element.name.utf8.elementsEqual(name[localNameStart(of: name)...]) else {
                    throw failure("closing tag </\(string(name))> does not match <\(open.element.qualifiedName)>")
                }
                open.element.text = String(decoding: open.textBytes, as: UTF8.self)
                if stack.isEmpty {
                    root = open.element
                } else {
                    stack[stack.count - 1].element.children.append(open.element)
                }
            } else if matches("<!--") {
                try skipComment()
            } else if matches("<![CDATA[") {
                guard !stack.isEmpty else { throw failure("CDATA outside the root element") }
                try readCDATA(into: &stack[stack.count - 1].textBytes)
            } else if matches("<?") {
                try skipDeclaration()
            } else if matches("<!") {
                throw failure("unexpected markup declaration inside the document")
            } else {
                let (element, isEmpty) = try readStartTag()
                if isEmpty {
                    if stack.isEmpty { root = element } else { stack[stack.count - 1].element.children.append(element) }
                } else {
                    guard stack.count < maximumDepth else { throw failure("elements nested deeper than \(maximumDepth)") }
                    stack.append(OpenElement(element: element))
                }
            }
        }
        try skipMisc()
        guard index >= bytes.count else { throw failure("content after the root element") }
        return root!
    }

    // MARK: Prolog, comments, declarations

    private mutating func skipMisc() throws(LenientXMLError) {
        while true {
            skipWhitespace()
            if matches("<?") {
                try skipDeclaration()
            } else if matches("<!--") {
                try skipComment()
            } else if matches("<!DOCTYPE") || matches("<!doctype") {
                guard let end = find(UInt8(ascii: ">"), from: index) else { throw failure("unterminated DOCTYPE") }
                index = end + 1
            } else {
                return
            }
        }
    }

    /// Skips `<?…?>`, and also the vendor's `<?xml … />`: both end at the first `>`.
    private mutating func skipDeclaration() throws(LenientXMLError) {
        guard let end = find(UInt8(ascii: ">"), from: index + 2) else { throw failure("unterminated <? declaration") }
        index = end + 1
    }

    private mutating func skipComment() throws(LenientXMLError) {
        var position = index + 4
        while position + 2 < bytes.count {
            if bytes[position] == UInt8(ascii: "-") && bytes[position + 1] == UInt8(ascii: "-") && bytes[position + 2] == UInt8(ascii: ">") {
                index = position + 3
                return
            }
            position += 1
        }
        throw failure("unterminated comment")
    }

    private mutating func readCDATA(into text: inout [UInt8]) throws(LenientXMLError) {
        var position = index + 9
        while position + 2 < bytes.count {
            if bytes[position] == UInt8(ascii: "]") && bytes[position + 1] == UInt8(ascii: "]") && bytes[position + 2] == UInt8(ascii: ">") {
                text.append(contentsOf: bytes[(index + 9)..<position])
                index = position + 3
                return
            }
            position += 1
        }
        throw failure("unterminated CDATA section")
    }

    // MARK: Tags

    private mutating func readStartTag() throws(LenientXMLError) -> (LenientXMLElement, isEmpty: Bool) {
        index += 1
        let nameBytes = readName()
        guard !nameBytes.isEmpty else { throw failure("a '<' that starts no element") }
        let name = string(nameBytes)
        let local = localNameStart(of: nameBytes)
        var element = LenientXMLElement(
            name: local == nameBytes.startIndex ? name : string(nameBytes[local...]), qualifiedName: name, attributes: [], children: [], text: "")
        // Past eight attributes a set, not a scan of `attributes`: a tag with n attributes must
        // cost n, not n². The vendor's tags have at most five, for which the scan is cheaper.
        var attributeNames: Set<String> = []
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw failure("body ends inside the tag <\(name)>") }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return (element, false)
            }
            if matches("/>") {
                index += 2
                return (element, true)
            }
            let attributeNameBytes = readName()
            guard !attributeNameBytes.isEmpty else {
                throw failure("unexpected '\(Character(Unicode.Scalar(bytes[index])))' in the tag <\(name)>")
            }
            let attributeName = string(attributeNameBytes)
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw failure("attribute \(attributeName) in <\(name)> has no value")
            }
            index += 1
            skipWhitespace()
            let value = try readAttributeValue(attributeName)
            let key = attributeNameBytes.starts(with: "xmlns".utf8) ? attributeName : string(attributeNameBytes[localNameStart(of: attributeNameBytes)...])
            let isRepeated: Bool
            if element.attributes.count < 8 {
                isRepeated = element.attributes.contains { $0.name == key }
            } else {
                if attributeNames.isEmpty { attributeNames = Set(element.attributes.map(\.name)) }
                isRepeated = !attributeNames.insert(key).inserted
            }
            guard !isRepeated else {
                throw failure("attribute \(key) appears twice in <\(name)>")
            }
            element.attributes.append(.init(name: key, value: value))
        }
    }

    private mutating func readAttributeValue(_ attributeName: String) throws(LenientXMLError) -> String {
        guard index < bytes.count else { throw failure("body ends before the value of \(attributeName)") }
        let quote = bytes[index]
        var raw: ArraySlice<UInt8>
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            guard let end = find(quote, from: index + 1) else { throw failure("unterminated value of \(attributeName)") }
            raw = bytes[(index + 1)..<end]
            index = end + 1
        } else {
            // The vendor's unquoted `responseType=0`: the value runs to white space, `>` or `/>`.
            let start = index
            while index < bytes.count, !isWhitespace(bytes[index]), bytes[index] != UInt8(ascii: ">"), !matches("/>") {
                guard bytes[index] != UInt8(ascii: "<"), bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'") else {
                    throw failure("unexpected character in the unquoted value of \(attributeName)")
                }
                index += 1
            }
            raw = bytes[start..<index]
            guard !raw.isEmpty else { throw failure("attribute \(attributeName) has an empty unquoted value") }
        }
        guard raw.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") }) else { return string(raw) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var position = raw.startIndex
        while position < raw.endIndex {
            if raw[position] == UInt8(ascii: "&") {
                position = try decodeReference(in: raw, at: position, into: &decoded)
            } else if raw[position] == UInt8(ascii: "<") {
                throw failure("'<' inside the value of \(attributeName)")
            } else {
                decoded.append(raw[position])
                position += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// Reads `</ns2: queueDepth >` as `ns2:queueDepth`: white space anywhere in a closing tag
    /// carries no meaning, so it is dropped rather than rejected.
    private mutating func readClosingTagName() throws(LenientXMLError) -> ArraySlice<UInt8> {
        guard let end = find(UInt8(ascii: ">"), from: index + 2) else { throw failure("unterminated closing tag") }
        let written = bytes[(index + 2)..<end]
        let inner = written.contains(where: isWhitespace) ? ArraySlice(written.filter { !isWhitespace($0) }) : written
        guard !inner.isEmpty, !inner.contains(UInt8(ascii: "<")) else { throw failure("malformed closing tag") }
        index = end + 1
        return inner
    }

    private mutating func readText(into text: inout [UInt8]) throws(LenientXMLError) {
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") {
            if bytes[index] == UInt8(ascii: "&") {
                index = try decodeReference(in: bytes[...], at: index, into: &text)
            } else {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "<"), bytes[index] != UInt8(ascii: "&") { index += 1 }
                text.append(contentsOf: bytes[start..<index])
            }
        }
    }

    /// Decodes `&amp;`-style and `&#…;` references; an unknown one is an error, never a guess.
    private func decodeReference(in source: ArraySlice<UInt8>, at start: Int, into output: inout [UInt8]) throws(LenientXMLError) -> Int {
        let limit = min(source.endIndex, start + 12)
        var end = start + 1
        while end < limit, source[end] != UInt8(ascii: ";") { end += 1 }
        guard end < limit else { throw failure("'&' that starts no entity reference", at: start) }
        let name = String(decoding: source[(start + 1)..<end], as: UTF8.self)
        let scalar: Unicode.Scalar?
        switch name {
        case "amp": scalar = "&"
        case "lt": scalar = "<"
        case "gt": scalar = ">"
        case "quot": scalar = "\""
        case "apos": scalar = "'"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                scalar = UInt32(name.dropFirst(1), radix: 10).flatMap(Unicode.Scalar.init)
            } else {
                throw failure("unknown entity &\(name);", at: start)
            }
        }
        guard let scalar, scalar.value != 0 else { throw failure("invalid character reference &\(name);", at: start) }
        output.append(contentsOf: Array(String(scalar).utf8))
        return end + 1
    }

    // MARK: Lexing helpers

    /// The bytes of a name, which may be empty.
    private mutating func readName() -> ArraySlice<UInt8> {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if isWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "&") {
                break
            }
            index += 1
        }
        return bytes[start..<index]
    }

    /// Where the local part of a qualified name starts: after its last `:`.
    private func localNameStart(of name: ArraySlice<UInt8>) -> Int {
        name.lastIndex(of: UInt8(ascii: ":")).map { $0 + 1 } ?? name.startIndex
    }

    private func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for offset in 0..<count where bytes[index + offset] != buffer[offset] { return false }
            return true
        }
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        var position = start
        while position < bytes.count {
            if bytes[position] == byte { return position }
            position += 1
        }
        return nil
    }

    private func failure(_ reason: String, at position: Int? = nil) -> LenientXMLError {
        let offset = min(position ?? index, bytes.count)
        var line = 1, column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return LenientXMLError(reason: "\(reason) at line \(line), column \(column)", line: line, column: column)
    }
}
