import ECEChat
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Appends monitor events to a file, one JSON object per line, for incident reports.
///
/// Opened in append mode so that restarts add to the same journal; every batch is written
/// straight to the descriptor, so a crash loses nothing that was logged. A failed write (a
/// full disk, a pipe whose reader has gone) is an error for the caller to show, never a crash.
final class EventJournal: @unchecked Sendable {
    // @unchecked: only `JournalSink` writes it, under its lock.
    private let descriptor: Int32
    private let encoder: JSONEncoder
    let path: String

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

    init(path: String) throws {
        // Non-blocking only while opening: a FIFO nobody reads fails at once (ENXIO) instead
        // of hanging the monitor until a reader turns up.
        let exists = FileManager.default.fileExists(atPath: path)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw JournalError(description: exists ? "cannot open event journal \(path) for writing (\(reason))" : "cannot create event journal \(path) (\(reason))")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        self.descriptor = descriptor
        self.path = path
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    deinit { close(descriptor) }

    /// Writes the events; - Throws: `JournalError` saying why, when the file takes no more.
    func append(_ events: [MonitorEvent]) throws {
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
        try write(data)
    }

    private func write(_ data: Data) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    // The reason first: the header cuts a long path short.
                    throw JournalError(description: "write failed (\(String(cString: strerror(errno)))): \(path)")
                }
                offset += written
            }
        }
    }

    public struct JournalError: Error, CustomStringConvertible {
        public var description: String
    }
}
