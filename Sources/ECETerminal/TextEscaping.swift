/// Makes text from the network safe to put on a terminal: control characters would move the
/// cursor or change modes, so they are shown as escapes instead.
enum TextEscaping {
    /// One line: every control character escaped (`\n`, `\t`, `\x1B`).
    static func visible(_ text: String) -> String {
        // Printable ASCII needs no escaping: most labels and values, on every frame.
        if !containsControlCharacter(text) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let escaped = escape(character) { result += escaped } else { result.append(character) }
        }
        return result
    }

    /// A response body as lines: line feeds break lines (a CR LF pair counts as one break),
    /// every other control character and each byte that is not UTF-8 is shown escaped.
    static func bodyLines(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var line = ""
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                lines.append(line)
                line = ""
                index += 1
                continue
            }
            if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                lines.append(line)
                line = ""
                index += 2
                continue
            }
            let length = sequenceLength(lead: byte)
            if length > 0, index + length <= bytes.count,
               let decoded = String(validating: bytes[index..<index + length], as: UTF8.self) {
                line += visible(decoded)
                index += length
            } else {
                line += "\\x" + hex(byte)
                index += 1
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Scans the UTF-8 bytes for C0 controls, DEL, and C1 controls (U+0080–U+009F, encoded
    /// C2 80–C2 9F): the box lines, symbols and ellipses views write need no grapheme walk.
    static func containsControlCharacter(_ text: String) -> Bool {
        var afterC2 = false
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (afterC2 && byte < 0xA0) { return true }
            afterC2 = byte == 0xC2
        }
        return false
    }

    private static func escape(_ character: Character) -> String? {
        // A CR LF grapheme is one Character: escape both halves.
        if character == "\r\n" { return "\\r\\n" }
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return nil }
        switch scalar.value {
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x00..<0x20, 0x7F: return "\\x" + hex(UInt8(scalar.value))
        case 0x80..<0xA0: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: return nil
        }
    }

    private static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0x00..<0x80: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
