import Foundation

/// Reads one poll line of a recording without Foundation's `JSONDecoder`, which on Linux takes
/// most of `ecetop report`'s time over a day of millions of lines.
///
/// It reads what the recorder writes, keys in any order, any whitespace. Whatever it is not sure
/// of (a key it does not know, a `null`, a repeated key, a fraction where an integer belongs, a
/// string that is not UTF-8, anything that is not JSON) gives nil, and the caller asks
/// `JSONDecoder`, whose verdict and error text stand: a damaged line reads as before. A line it
/// reads is no header: a header's keys are not a poll's.
struct RecordedPollReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The poll `line` holds, or nil when `JSONDecoder` must judge it.
    static func poll(_ line: UnsafeBufferPointer<UInt8>) -> RecordedPoll? {
        var reader = RecordedPollReader(line)
        guard let poll = reader.readPoll() else { return nil }
        reader.skipWhitespace()
        return reader.index == line.count ? poll : nil
    }

    private mutating func readPoll() -> RecordedPoll? {
        var time: String?, server: String?, entryPoint: Int64?, interval: Double?, calls: [RecordedCall]?
        let complete = readObject { reader, key in
            switch key {
            case "time": return Self.once(&time, reader.readString())
            case "server": return Self.once(&server, reader.readString())
            case "entryPoint": return Self.once(&entryPoint, reader.readInteger())
            case "interval": return Self.once(&interval, reader.readDouble())
            case "calls": return Self.once(&calls, reader.readArray { $0.readCall() })
            default: return false
            }
        }
        guard complete, let time, let server, let entryPoint, let interval, let calls else { return nil }
        return RecordedPoll(time: time, server: server, entryPoint: entryPoint, interval: interval, calls: calls)
    }

    private mutating func readCall() -> RecordedCall? {
        var name: String?, status: Int64?, latencyMs: Double?, available: Bool?, slots: Int64?, queueDepth: Int64?
        var waitTime: Double?, responseType: Int64?, allowed: Bool?, reason: String?, error: RecordedCall.RecordedError?
        let complete = readObject { reader, key in
            switch key {
            case "call": return Self.once(&name, reader.readString())
            case "status": return Self.once(&status, reader.readInteger())
            case "latencyMs": return Self.once(&latencyMs, reader.readDouble())
            case "available": return Self.once(&available, reader.readBool())
            case "slots": return Self.once(&slots, reader.readInteger())
            case "queueDepth": return Self.once(&queueDepth, reader.readInteger())
            case "waitTime": return Self.once(&waitTime, reader.readDouble())
            case "responseType": return Self.once(&responseType, reader.readInteger())
            case "allowed": return Self.once(&allowed, reader.readBool())
            case "reason": return Self.once(&reason, reader.readString())
            case "error": return Self.once(&error, reader.readError())
            default: return false
            }
        }
        guard complete, let name else { return nil }
        var call = RecordedCall(call: name)
        call.status = status.map(Int.init)
        call.latencyMs = latencyMs
        call.available = available
        call.slots = slots.map(Int.init)
        call.queueDepth = queueDepth.map(Int.init)
        call.waitTime = waitTime
        call.responseType = responseType.map(Int.init)
        call.allowed = allowed
        call.reason = reason
        call.error = error
        return call
    }

    private mutating func readError() -> RecordedCall.RecordedError? {
        var kind: String?, text: String?
        let complete = readObject { reader, key in
            switch key {
            case "kind": return Self.once(&kind, reader.readString())
            case "text": return Self.once(&text, reader.readString())
            default: return false
            }
        }
        guard complete, let kind, let text else { return nil }
        return RecordedCall.RecordedError(kind: kind, text: text)
    }

    /// Sets `slot` to `value` unless it is already set (a repeated key) or `value` is nil.
    private static func once<T>(_ slot: inout T?, _ value: T?) -> Bool {
        guard slot == nil, let value else { return false }
        slot = value
        return true
    }

    // MARK: - JSON

    /// Reads `{ "key": value, … }`, handing each key (without escapes) to `member`, which reads
    /// its value and says whether it could.
    private mutating func readObject(_ member: (inout RecordedPollReader, StaticKey) -> Bool) -> Bool {
        skipWhitespace()
        guard take(0x7B) else { return false }
        skipWhitespace()
        if take(0x7D) { return true }
        while true {
            skipWhitespace()
            guard let key = readKey() else { return false }
            skipWhitespace()
            guard take(0x3A) else { return false }
            skipWhitespace()
            guard member(&self, key) else { return false }
            skipWhitespace()
            if take(0x2C) { continue }
            return take(0x7D)
        }
    }

    private mutating func readArray<T>(_ element: (inout RecordedPollReader) -> T?) -> [T]? {
        skipWhitespace()
        guard take(0x5B) else { return nil }
        var result: [T] = []
        skipWhitespace()
        if take(0x5D) { return result }
        while true {
            skipWhitespace()
            guard let value = element(&self) else { return nil }
            result.append(value)
            skipWhitespace()
            if take(0x2C) { continue }
            return take(0x5D) ? result : nil
        }
    }

    /// A key's bytes, compared in place; a key with an escape is left to `JSONDecoder`.
    private mutating func readKey() -> StaticKey? {
        guard take(0x22) else { return nil }
        let start = index
        while index < bytes.count, bytes[index] != 0x22 {
            if bytes[index] == 0x5C || bytes[index] < 0x20 { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let key = StaticKey(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        index += 1
        return key
    }

    private mutating func readString() -> String? {
        guard take(0x22) else { return nil }
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case 0x22:
                let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            case 0x5C:
                return readEscapedString(from: start)
            case 0..<0x20:
                return nil
            default:
                index += 1
            }
        }
        return nil
    }

    /// The rest of a string that has escapes, from its first character at `start`.
    private mutating func readEscapedString(from start: Int) -> String? {
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x22:
                return String(validating: utf8, as: UTF8.self)
            case 0x5C:
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case 0x22, 0x5C, 0x2F: utf8.append(escape)
                case 0x62: utf8.append(0x08)
                case 0x66: utf8.append(0x0C)
                case 0x6E: utf8.append(0x0A)
                case 0x72: utf8.append(0x0D)
                case 0x74: utf8.append(0x09)
                case 0x75:
                    guard let scalar = readUnicodeEscape() else { return nil }
                    utf8.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            case 0..<0x20:
                return nil
            default:
                utf8.append(byte)
            }
        }
        return nil
    }

    /// `\uXXXX` after its `\u`, with the second half of a surrogate pair.
    private mutating func readUnicodeEscape() -> Unicode.Scalar? {
        guard let high = readHex4() else { return nil }
        if (0xD800..<0xDC00).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else { return nil }
            index += 2
            guard let low = readHex4(), (0xDC00..<0xE000).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }
        return Unicode.Scalar(high)
    }

    private mutating func readHex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func readBool() -> Bool? {
        if takeLiteral("true") { return true }
        if takeLiteral("false") { return false }
        return nil
    }

    /// A JSON number's parts, checked against JSON's grammar.
    private struct NumberText {
        var range: Range<Int>
        var negative: Bool
        /// The digits without sign, point or exponent, while they fit; nil past 19 digits.
        var mantissa: UInt64?
        /// Digits after the point.
        var fractionDigits: Int
        var hasExponent: Bool
    }

    private mutating func readNumberText() -> NumberText? {
        let start = index
        let negative = take(0x2D)
        var mantissa: UInt64? = 0
        var digits = 0
        func addDigit(_ byte: UInt8) {
            let (times, overflow) = (mantissa ?? 0).multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(byte - 0x30))
            mantissa = mantissa == nil || overflow || overflow2 ? nil : sum
            digits += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else { return nil }
        if bytes[index] == 0x30 {
            addDigit(bytes[index])
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { addDigit(bytes[index]); index += 1 }
        }
        var fractionDigits = 0
        if take(0x2E) {
            guard index < bytes.count, isDigit(bytes[index]) else { return nil }
            while index < bytes.count, isDigit(bytes[index]) { addDigit(bytes[index]); index += 1; fractionDigits += 1 }
        }
        var hasExponent = false
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            hasExponent = true
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { return nil }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        return NumberText(range: start..<index, negative: negative, mantissa: mantissa, fractionDigits: fractionDigits, hasExponent: hasExponent)
    }

    /// A whole number; a fraction or exponent is left to `JSONDecoder`.
    private mutating func readInteger() -> Int64? {
        guard let number = readNumberText(), number.fractionDigits == 0, !number.hasExponent,
              let mantissa = number.mantissa, mantissa <= UInt64(Int64.max) else { return nil }
        return number.negative ? -Int64(mantissa) : Int64(mantissa)
    }

    /// A number, or the strings the recorder writes for what JSON cannot hold (`NaN`, `Infinity`, `-Infinity`).
    private mutating func readDouble() -> Double? {
        if index < bytes.count, bytes[index] == 0x22 {
            switch readString() {
            case "NaN": return .nan
            case "Infinity": return .infinity
            case "-Infinity": return -.infinity
            default: return nil
            }
        }
        guard let number = readNumberText() else { return nil }
        // Exact when the digits and the power of ten are both exact doubles: one rounding, as strtod's.
        if !number.hasExponent, let mantissa = number.mantissa, mantissa < 1 << 53, number.fractionDigits < Self.powersOfTen.count {
            let value = Double(mantissa) / Self.powersOfTen[number.fractionDigits]
            return number.negative ? -value : value
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: number.range.count + 1) { text in
            for (offset, position) in number.range.enumerated() { text[offset] = CChar(bitPattern: bytes[position]) }
            text[number.range.count] = 0
            return strtod(text.baseAddress!, nil)
        }
    }

    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func takeLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count,
              memcmp(bytes.baseAddress! + index, literal.utf8Start, count) == 0 else { return false }
        index += count
        return true
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

/// A key's bytes in the line, matched against the literals of a `switch` without making a String.
private struct StaticKey {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func ~= (literal: StaticString, key: StaticKey) -> Bool {
        literal.utf8CodeUnitCount == key.bytes.count
            && (key.bytes.isEmpty || memcmp(key.bytes.baseAddress!, literal.utf8Start, key.bytes.count) == 0)
    }
}
