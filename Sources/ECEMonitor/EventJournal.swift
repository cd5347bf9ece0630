import ECEChat
import Foundation

/// Appends monitor events to a file, one JSON object per line, for incident reports.
///
/// Opened in append mode so that restarts add to the same journal; every line is flushed as it
/// is written, so a crash loses nothing that was logged.
public final class EventJournal: @unchecked Sendable {
    // @unchecked: the handle is only touched under `lock`.
    private let handle: FileHandle
    private let lock = NSLock()
    private let encoder: JSONEncoder
    public let path: String

    /// One line of the journal.
    struct Line: Encodable {
        var time: String
        var entryPoint: Int64
        var kind: String
        var call: String?
        var old: String
        var new: String
        var summary: String
    }

    public init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw JournalError(description: "cannot create event journal \(path)")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw JournalError(description: "cannot open event journal \(path) for writing")
        }
        handle.seekToEndOfFile()
        self.handle = handle
        self.path = path
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    deinit { try? handle.close() }

    public func append(_ events: [MonitorEvent]) {
        guard !events.isEmpty else { return }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var data = Data()
        for event in events {
            let line = Line(time: formatter.string(from: event.time), entryPoint: event.entryPoint.rawValue, kind: event.kind.rawValue,
                            call: event.call?.rawValue, old: event.old, new: event.new, summary: event.summary)
            guard let encoded = try? encoder.encode(line) else { continue }
            data.append(encoded)
            data.append(0x0A)
        }
        lock.withLock { handle.write(data) }
    }

    public struct JournalError: Error, CustomStringConvertible {
        public var description: String
    }
}
