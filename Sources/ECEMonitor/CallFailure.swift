import ECEChat
import ECECommon

/// What the monitor keeps of a call that failed: its kind, the one line a person reads, and
/// the HTTP status. Live it comes from the client's `ChatAPIError`; in a replay, from the
/// recording, which keeps exactly these three.
public struct CallFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var kind: ChatAPIError.Kind
    public var description: String
    public var httpStatus: Int?

    public init(_ error: ChatAPIError) {
        kind = error.kind
        description = error.description
        httpStatus = error.httpStatus
    }

    /// A failure read back from a recording; the text is made printable again, since a
    /// recording file may have been edited or damaged.
    public init(kind: ChatAPIError.Kind, text: String, httpStatus: Int?) {
        self.kind = kind
        description = PrintableLine.excerpt(of: text.utf8, limit: Self.textLimit)
        self.httpStatus = httpStatus
    }

    /// Longest recorded text kept: a description quotes at most a 200-byte body excerpt.
    static let textLimit = 1024

    /// True when the server could not be reached at all (as opposed to answering badly).
    public var isUnreachable: Bool { kind.isUnreachable }
}
