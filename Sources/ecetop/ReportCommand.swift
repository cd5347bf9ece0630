import ArgumentParser
import ECEChat
import ECEMonitor
import Foundation

/// `ecetop report FILE…`: a shift report from recordings made with `--record`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report availability, time in each state, incidents, peaks and polling gaps from recordings made with --record.",
        discussion: """
            Reads the files one line at a time, oldest first (after a rotation: FILE.1 FILE). A damaged \
            line is named on standard error and skipped; the report counts them. Times of day in \
            --from/--to are local, on the day the recording starts (a --to before --from is on the next day).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv, json, html
    }

    @Argument(help: ArgumentHelp("Recording files, oldest first.", valueName: "FILE"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("text (a table), csv, json or html (one self-contained page).", valueName: "FORMAT"))
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Start of the window: a time of day (14:00, 14:00:30) or ISO 8601.", valueName: "TIME"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("End of the window: a time of day or ISO 8601.", valueName: "TIME"))
    var to: String?

    @Option(name: .customLong("entry-points"), help: ArgumentHelp("Only these entry points: IDs and ranges (1000,1002-1005).", valueName: "RANGE"))
    var entryPoints: String?

    /// Damaged lines named one by one on standard error; the rest only counted.
    static let namedDamagedLines = 20

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the recording FILE to report on") }
        for (name, value) in [("--from", from), ("--to", to)] {
            guard let value else { continue }
            guard ReportTime(value) != nil else {
                throw ValidationError("\(name) \"\(value)\" is neither a time of day (14:00, 14:00:30) nor ISO 8601 (2026-11-26T14:00:00Z)")
            }
        }
        _ = try entryPointFilter()
    }

    private func entryPointFilter() throws -> Set<EntryPointID>? {
        guard let entryPoints else { return nil }
        do {
            return Set(try EntryPointID.parseList([entryPoints]))
        } catch {
            throw ValidationError("--entry-points: \(error)")
        }
    }

    func run() throws {
        var stream = RecordingStream(files: files)
        var named = 0
        let skipped: (RecordingError) -> Void = { error in
            named += 1
            guard named <= Self.namedDamagedLines else { return }
            FileHandle.standardError.write(Data("ecetop report: \(error.description) (line skipped)\n".utf8))
        }
        do {
            guard let first = try stream.next(skipped: skipped), let started = stream.start else {
                throw RecordingError(file: files[0], line: 1, message: "empty file, not an ecetop recording")
            }
            let window = try resolveWindow(recordingStart: started)
            var builder = ShiftReportBuilder(.init(from: window.from, to: window.to, entryPoints: try entryPointFilter(),
                                                   keepsTimeline: format == .html))
            builder.take(first)
            while let item = try stream.next(skipped: skipped) {
                if case .poll(let poll) = item, let to = window.to, poll.time > to { break }
                builder.take(item)
            }
            if named > Self.namedDamagedLines {
                FileHandle.standardError.write(Data("ecetop report: \(named - Self.namedDamagedLines) more damaged lines skipped\n".utf8))
            }
            let report = builder.finish(skippedLines: stream.skippedLines)
            let output: String
            switch format {
            case .text: output = report.text
            case .csv: output = report.csv
            case .json: output = report.json
            case .html: output = report.html
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        } catch let error as RecordingError {
            // What is in the file is wrong, not the command line: one line, without the usage.
            throw CommandFailure(error.description, exitCode: .validationFailure)
        }
    }

    private func resolveWindow(recordingStart: Date) throws -> (from: Date?, to: Date?) {
        let from = self.from.flatMap(ReportTime.init)?.date(on: recordingStart)
        var to = self.to.flatMap(ReportTime.init)?.date(on: recordingStart)
        if let start = from, let end = to, end <= start, case .timeOfDay? = ReportTime(self.to!) {
            to = end.addingTimeInterval(86_400)
        }
        if let start = from, let end = to, end <= start {
            throw ValidationError("--to (\(ISO8601DateFormatter.recording.string(from: end))) is not after --from (\(ISO8601DateFormatter.recording.string(from: start)))")
        }
        return (from, to)
    }
}

/// A `--from`/`--to` value: an instant, or a time of day on the recording's first day.
enum ReportTime {
    case instant(Date)
    case timeOfDay(seconds: Int)

    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
           let hours = Int(parts[0]), let minutes = Int(parts[1]), let seconds = parts.count == 3 ? Int(parts[2]) : 0,
           (0..<24).contains(hours), (0..<60).contains(minutes), (0..<60).contains(seconds) {
            self = .timeOfDay(seconds: hours * 3600 + minutes * 60 + seconds)
            return
        }
        for formatter in [ISO8601DateFormatter.recording, ISO8601DateFormatter.plain] {
            if let date = formatter.date(from: text) {
                self = .instant(date)
                return
            }
        }
        return nil
    }

    /// The moment meant, a time of day taken on the local day `reference` falls on.
    func date(on reference: Date) -> Date {
        switch self {
        case .instant(let date): return date
        case .timeOfDay(let seconds):
            return Calendar.current.startOfDay(for: reference).addingTimeInterval(Double(seconds))
        }
    }
}

extension ISO8601DateFormatter {
    /// `2026-11-26T10:00:00.000Z`, as recordings write times.
    static var recording: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }

    /// `2026-11-26T10:00:00Z` or with an offset, `+01:00`.
    static var plain: ISO8601DateFormatter { ISO8601DateFormatter() }
}
