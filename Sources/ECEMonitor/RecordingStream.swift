import ECEChat
import Foundation

/// Reads recording files one line at a time, in the order given, holding only the line being
/// read: `ecetop report` goes through a day of polls in the memory of one read buffer.
///
/// Unlike `Recording.read`, which refuses a file at its first mistake, a damaged line further
/// down (cut short by a crash, bad JSON, time running backwards) is handed to the caller and
/// skipped; only a file whose first line is not a recording's header is refused.
public struct RecordingStream {
    /// What one good line holds.
    public enum Item: Sendable {
        /// A file's first line, or a restart's further down: its entry points join the recording.
        case header(RecordingHeader)
        case poll(Recording.Poll)
    }

    private static let chunkSize = 1 << 20

    private let files: [String]
    private var fileIndex = -1
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private var lineStart = 0
    private var atEndOfFile = false
    private var lineNumber = 0
    /// No good line read yet from the file open now: the next must be its header.
    private var needsHeader = false
    private var lastTime: Date?
    private let decoder: JSONDecoder
    /// The first file's header, once read: its rules apply throughout.
    public private(set) var header: RecordingHeader?
    /// When the recording starts: the first header's `started`.
    public private(set) var start: Date?
    /// Lines skipped as damaged so far.
    public private(set) var skippedLines = 0

    public init(files: [String]) {
        self.files = files
        decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = Recording.nonConformingFloatsForDecoding
    }

    /// The next good line; damaged ones go to `skipped` (as `FILE:LINE: what was wrong`) and
    /// are counted. Nil after the last file's last line.
    ///
    /// - Throws: a file that cannot be read, or whose first line is not a recording's header.
    public mutating func next(skipped: (RecordingError) -> Void) throws(RecordingError) -> Item? {
        while true {
            guard let line = try nextLine() else { return nil }
            if line.isEmpty || line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let file = files[fileIndex]
            // Most lines are polls the quick reader takes whole (and so no header); JSONDecoder
            // judges the rest, so damaged lines keep its messages.
            let quick = needsHeader ? nil : line.withUnsafeBufferPointer { RecordedPollReader.poll($0) }
            if quick == nil, needsHeader || Recording.looksLikeHeader(Data(line)[...]) {
                do throws(RecordingError.Problem) {
                    let header = try Recording.decodeHeader(Data(line), decoder: decoder)
                    if self.header == nil {
                        guard let start = RecordingTime.date(header.started) else {
                            throw .init(Recording.Builder.badTime("started", header.started))
                        }
                        self.header = header
                        self.start = start
                    }
                    needsHeader = false
                    return .header(header)
                } catch {
                    let failure = RecordingError(file: file, line: lineNumber, message: error.message)
                    if needsHeader { throw failure }
                    skippedLines += 1
                    skipped(failure)
                    continue
                }
            }
            do throws(RecordingError.Problem) {
                let recorded: RecordedPoll
                if let quick {
                    recorded = quick
                } else {
                    recorded = try Recording.decodePoll(Data(line), decoder: decoder)
                }
                let poll = try Recording.Poll(recorded, after: lastTime)
                lastTime = poll.time
                return .poll(poll)
            } catch {
                skippedLines += 1
                skipped(RecordingError(file: file, line: lineNumber, message: error.message))
            }
        }
    }

    /// The next line's bytes (without its newline), opening the next file at the end of one.
    private mutating func nextLine() throws(RecordingError) -> ArraySlice<UInt8>? {
        while true {
            if handle != nil {
                if let newline = newlineIndex() {
                    let line = buffer[lineStart..<newline]
                    lineStart = newline + 1
                    lineNumber += 1
                    return line
                }
                if !atEndOfFile {
                    try refill()
                    continue
                }
                // The last line without a newline: a cut write, or a file edited by hand.
                if lineStart < buffer.count {
                    let line = buffer[lineStart...]
                    lineStart = buffer.count
                    lineNumber += 1
                    return line
                }
                try? handle?.close()
                handle = nil
                if needsHeader {
                    throw RecordingError(file: files[fileIndex], line: 1, message: "empty file, not an ecetop recording")
                }
            }
            guard fileIndex + 1 < files.count else { return nil }
            try open(files[fileIndex + 1])
        }
    }

    /// Where the next newline is in the buffer, from the current line's start.
    private func newlineIndex() -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress, lineStart < bytes.count,
                  let found = memchr(base + lineStart, 0x0A, bytes.count - lineStart) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private mutating func refill() throws(RecordingError) {
        buffer.removeSubrange(0..<lineStart)
        lineStart = 0
        let chunk: Data?
        do {
            chunk = try handle?.read(upToCount: Self.chunkSize)
        } catch {
            throw RecordingError(file: files[fileIndex], line: nil, message: "cannot read: \((error as NSError).localizedDescription)")
        }
        guard let chunk, !chunk.isEmpty else {
            atEndOfFile = true
            return
        }
        buffer.append(contentsOf: chunk)
    }

    private mutating func open(_ file: String) throws(RecordingError) {
        fileIndex += 1
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw RecordingError(file: file, line: nil, message: "cannot read: no such file")
        }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: file) else {
            throw RecordingError(file: file, line: nil, message: "cannot read: \(isDirectory.boolValue ? "a directory" : "permission denied")")
        }
        self.handle = handle
        buffer.removeAll(keepingCapacity: true)
        lineStart = 0
        atEndOfFile = false
        lineNumber = 0
        needsHeader = true
    }
}
