import ECEChat
import Foundation

/// A recording read back: its header and every poll in time order, ready to replay.
///
/// Several files play as one, in the order given (`FILE.1 FILE` after a rotation); each starts
/// with its own header, and a header further down (a restart appending to the file) only adds
/// entry points: the first header's rules apply throughout.
public struct Recording: Sendable {
    /// One round of one entry point's calls.
    public struct Poll: Sendable {
        public var time: Date
        public var entryPoint: EntryPointID
        public var interval: Duration
        public var exchanges: [ChatAPIExchange]

        /// The poll a line stands for, checked; `previous` is the time of the line above.
        init(_ line: RecordedPoll, after previous: Date?) throws(RecordingError.Problem) {
            guard let time = RecordingTime.date(line.time) else { throw .init(Builder.badTime("time", line.time)) }
            guard let id = EntryPointID(line.entryPoint) else { throw .init("bad entry point ID \(line.entryPoint) (IDs start at 1)") }
            guard line.interval.isFinite, line.interval > 0 else { throw .init("bad interval \(line.interval) (seconds, above 0)") }
            if let previous, time < previous {
                throw .init("time \(line.time) is before the line above (\(RecordingTime.text(previous))); give rotated files oldest first: FILE.1 FILE")
            }
            var exchanges: [ChatAPIExchange] = []
            for call in line.calls { exchanges.append(try call.exchange(entryPoint: id)) }
            self.time = time
            entryPoint = id
            interval = Duration.milliseconds(Int64((line.interval * 1000).rounded()))
            self.exchanges = exchanges
        }
    }

    public var header: RecordingHeader
    /// Every entry point, in the order the first header lists them, then as they appear.
    public var entryPoints: [EntryPointID]
    public var polls: [Poll]

    /// When the recording starts (the first header) and ends (the last poll, or the start).
    public var start: Date
    public var end: Date { polls.last.map { max($0.time, start) } ?? start }

    /// How numbers JSON cannot hold (a server's NaN wait time) are written: as these strings.
    static let nonConformingFloats = JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(
        positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    static let nonConformingFloatsForDecoding = JSONDecoder.NonConformingFloatDecodingStrategy.convertFromString(
        positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")

    /// Reads and checks `files`; the first mistake is thrown as `FILE:LINE: what was wrong`.
    public static func read(_ files: [String]) throws(RecordingError) -> Recording {
        var builder: Builder?
        for file in files {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw RecordingError(file: file, line: nil, message: "cannot read: \((error as NSError).localizedDescription)")
            }
            builder = try read(data, file: file, continuing: builder)
        }
        guard let builder else { throw RecordingError(file: nil, line: nil, message: "no recording file given") }
        return builder.recording
    }

    /// Parses one file's bytes, continuing the recording of the files before it.
    static func read(_ data: Data, file: String, continuing previous: Builder?) throws(RecordingError) -> Builder {
        var builder = previous
        var lineNumber = 0
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = nonConformingFloatsForDecoding
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do throws(RecordingError.Problem) {
                // `builder!.add` changes the builder in place: a copy would copy every poll so far.
                if lineNumber == 1 || Self.looksLikeHeader(line) {
                    let header = try decodeHeader(Data(line), decoder: decoder)
                    if builder == nil { builder = try Builder(header) } else { builder!.add(header) }
                } else {
                    guard builder != nil else { throw .init("no header before the first poll") }
                    try builder!.add(decodePoll(Data(line), decoder: decoder))
                }
            } catch {
                throw RecordingError(file: file, line: lineNumber, message: error.message)
            }
        }
        guard let builder else { throw RecordingError(file: file, line: 1, message: "empty file, not an ecetop recording") }
        return builder
    }

    static func looksLikeHeader(_ line: Data.SubSequence) -> Bool {
        // Cheap: only header lines carry the format name.
        line.range(of: headerMark) != nil
    }

    private static let headerMark = Data(#""format":"\#(RecordingHeader.formatName)""#.utf8)

    static func decodeHeader(_ line: Data, decoder: JSONDecoder) throws(RecordingError.Problem) -> RecordingHeader {
        struct Probe: Decodable { var format: String?; var version: Int? }
        let probe: Probe
        do { probe = try decoder.decode(Probe.self, from: line) } catch { throw .init(describe(error)) }
        guard probe.format == RecordingHeader.formatName else {
            throw .init("not an ecetop recording: the first line must be its header, with \"format\":\"\(RecordingHeader.formatName)\"")
        }
        guard probe.version == RecordingHeader.currentVersion else {
            throw .init("recording version \(probe.version.map(String.init) ?? "missing") is not one this ecetop reads (\(RecordingHeader.currentVersion))")
        }
        do { return try decoder.decode(RecordingHeader.self, from: line) } catch { throw .init("header: " + describe(error)) }
    }

    static func decodePoll(_ line: Data, decoder: JSONDecoder) throws(RecordingError.Problem) -> RecordedPoll {
        do { return try decoder.decode(RecordedPoll.self, from: line) } catch { throw .init(describe(error)) }
    }

    /// A decoding error as a short phrase naming the field, instead of Foundation's paragraph.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return "missing \"\(field)\""
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\"\(path(context.codingPath))\" is not \(type == String.self ? "a string" : "a \(type)")"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\"\(path(context.codingPath))\": \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// Accumulates files into one recording, checking that time runs forward across them.
    struct Builder {
        var recording: Recording

        init(_ header: RecordingHeader) throws(RecordingError.Problem) {
            guard let start = RecordingTime.date(header.started) else { throw .init(Self.badTime("started", header.started)) }
            recording = Recording(header: header, entryPoints: [], polls: [], start: start)
            add(header)
        }

        mutating func add(_ header: RecordingHeader) {
            for entryPoint in header.entryPoints {
                guard let id = EntryPointID(entryPoint.id), !recording.entryPoints.contains(id) else { continue }
                recording.entryPoints.append(id)
            }
        }

        mutating func add(_ line: RecordedPoll) throws(RecordingError.Problem) {
            let poll = try Poll(line, after: recording.polls.last?.time)
            if !recording.entryPoints.contains(poll.entryPoint) { recording.entryPoints.append(poll.entryPoint) }
            recording.polls.append(poll)
        }

        static func badTime(_ field: String, _ text: String) -> String {
            "bad \(field) \"\(text)\" (expected ISO 8601 with milliseconds, like 2026-11-26T03:50:01.123Z)"
        }
    }
}
