/// Text from outside (a server's body, a recording) made safe to print on one terminal line.
public enum PrintableLine {
    /// The first `limit` bytes of `bytes` as one line: runs of white space become one space,
    /// control characters and byte order marks go, and an ellipsis says when it was cut.
    public static func excerpt(of bytes: some Collection<UInt8>, limit: Int) -> String {
        let text = String(decoding: bytes.prefix(limit), as: UTF8.self)
        var result = ""
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
            if isSpace {
                if !lastWasSpace && !result.isEmpty { result.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else if scalar.properties.generalCategory == .control || scalar == "\u{FEFF}" {
                continue
            } else {
                result.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        while result.hasSuffix(" ") { result.removeLast() }
        return bytes.count > limit ? result + "…" : result
    }
}
