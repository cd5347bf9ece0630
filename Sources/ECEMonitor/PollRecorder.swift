import ECEChat
import Foundation
import NIOConcurrencyHelpers

/// Appends every round of answers the monitor takes in to a file, one JSON object per line
/// after a header line, for replaying an incident later (`--record FILE`).
///
/// The file is bounded: when the next line would take it past `maximumBytes`, it becomes
/// `FILE.1` (replacing an older one) and a new `FILE` starts with the header again, so each
/// file replays on its own and the two together hold the newest history. Every line goes out
/// in one write as it is made, so a crash loses at most the line being written.
public final class PollRecorder: MonitorSink {
    public struct Configuration: Sendable, Hashable {
        public var path: String
        /// Largest size of one file before it rotates (a single line longer than this is
        /// still written, into a file of its own).
        public var maximumBytes: Int

        public static let defaultMaximumBytes = 64 * 1024 * 1024

        public init(path: String, maximumBytes: Int = Configuration.defaultMaximumBytes) {
            self.path = path
            self.maximumBytes = maximumBytes
        }

        /// Where the previous file goes on rotation.
        public var rotatedPath: String { path + ".1" }
    }

    private struct State {
        var handle: FileHandle?
        var size: Int
        var header: RecordingHeader?
        var error: String?
    }

    public let configuration: Configuration
    private let state: NIOLockedValueBox<State>

    /// Opens (creating, else appending to) the file now, so that a path that cannot be
    /// written is refused before anything starts.
    public init(_ configuration: Configuration) throws(RecordingError) {
        self.configuration = configuration
        let handle = try Self.open(configuration.path)
        let size = Int(handle.seekToEndOfFile())
        state = NIOLockedValueBox(State(handle: handle, size: size))
    }

    deinit {
        state.withLockedValue { try? $0.handle?.close() }
    }

    /// Why the last write failed, when one did (the recording stops there); nil while all is well.
    public var lastError: String? { state.withLockedValue { $0.error } }

    /// Starts a recording section: its header goes out now and again at the top of every
    /// file a rotation begins.
    public func begin(_ header: RecordingHeader) {
        state.withLockedValue { state in
            state.header = header
            write(Self.encode(header), into: &state)
        }
    }

    public func monitorStarted(server: String, entryPoints: [EntryPointID], configuration: MonitorConfiguration, at time: Date) {
        begin(RecordingHeader(server: server, entryPoints: entryPoints, configuration: configuration, started: time))
    }

    public func monitorPolled(_ exchanges: [ChatAPIExchange], of entryPoint: EntryPointID, server: String, interval: Duration, at time: Date) {
        record(exchanges, of: entryPoint, server: server, interval: interval, at: time)
    }

    public func report(into status: inout OutputFileStatus) {
        status.recordingError = lastError
    }

    /// Records one round of calls of one entry point, as `ChatMonitor` took it in.
    public func record(_ exchanges: [ChatAPIExchange], of entryPoint: EntryPointID, server: String, interval: Duration, at time: Date) {
        let line = Self.encode(RecordedPoll(exchanges, of: entryPoint, server: server, interval: interval, at: time))
        state.withLockedValue { state in
            if state.size > 0, state.size + line.count > configuration.maximumBytes {
                rotate(&state, at: time)
            }
            write(line, into: &state)
        }
    }

    private func rotate(_ state: inout State, at time: Date) {
        try? state.handle?.close()
        state.handle = nil
        let files = FileManager.default
        do {
            if files.fileExists(atPath: configuration.rotatedPath) { try files.removeItem(atPath: configuration.rotatedPath) }
            try files.moveItem(atPath: configuration.path, toPath: configuration.rotatedPath)
            state.handle = try Self.open(configuration.path)
            state.size = 0
        } catch {
            state.error = "cannot rotate \(configuration.path): \(error)"
            return
        }
        if var header = state.header {
            header.started = RecordingTime.text(time)
            write(Self.encode(header), into: &state)
        }
    }

    private func write(_ line: Data, into state: inout State) {
        guard let handle = state.handle else { return }
        do {
            try handle.write(contentsOf: line)
            state.size += line.count
        } catch {
            state.error = "cannot write \(configuration.path): \(error)"
            try? handle.close()
            state.handle = nil
        }
    }

    private static func open(_ path: String) throws(RecordingError) -> FileHandle {
        if !FileManager.default.fileExists(atPath: path), !FileManager.default.createFile(atPath: path, contents: nil) {
            throw RecordingError(file: path, line: nil, message: "cannot create the recording file")
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw RecordingError(file: path, line: nil, message: "cannot open the recording file for writing")
        }
        return handle
    }

    private static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = Recording.nonConformingFloats
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch {
            // Only strings, numbers and flags go in, non-finite numbers as text: unreachable,
            // but a line that cannot be written must not vanish without a word.
            return Data("{\"unencodable\":\"\(error)\"}\n".utf8)
        }
    }
}
