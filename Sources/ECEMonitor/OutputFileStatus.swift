/// How the files written beside the dashboard fare: the event journal (`w`, `--events`) and
/// the recording (`--record`). Each sink that writes a file reports its own part; the
/// dashboard reads it from the sinks, not from the monitor's picture of the entry points.
public struct OutputFileStatus: Sendable, Hashable {
    /// Where events are being appended as JSON lines, when they are.
    public var journalPath: String?
    /// Why the journal could not be opened or written, when it could not.
    public var journalError: String?
    /// Why `--record` stopped writing, when it did.
    public var recordingError: String?

    public init(journalPath: String? = nil, journalError: String? = nil, recordingError: String? = nil) {
        self.journalPath = journalPath
        self.journalError = journalError
        self.recordingError = recordingError
    }

    /// Several sites write the same files: the first that says something speaks for all.
    public func merged(with other: OutputFileStatus) -> OutputFileStatus {
        OutputFileStatus(journalPath: journalPath ?? other.journalPath, journalError: journalError ?? other.journalError,
                         recordingError: recordingError ?? other.recordingError)
    }
}
