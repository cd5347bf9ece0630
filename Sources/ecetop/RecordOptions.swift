import ArgumentParser
import ECEMonitor

/// `--record FILE` and `--record-max-bytes`: shared by the commands that run a monitor.
///
/// A command adds `recorder()` to `MonitorConfiguration.sinks` before it makes the
/// `ChatMonitor`; the monitor writes the header and every round of answers from then on.
struct RecordOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Append every round of answers to FILE as JSON lines, for ecetop replay.", valueName: "FILE"))
    var record: String?

    @Option(name: .customLong("record-max-bytes"),
            help: ArgumentHelp("Size at which the recording rotates: FILE becomes FILE.1 and a new FILE starts (default: 64 MiB).", valueName: "BYTES"))
    var recordMaxBytes: Int = PollRecorder.Configuration.defaultMaximumBytes

    /// Below this a file would hold only a few lines between rotations.
    static let smallestMaximum = 4096

    func validate() throws {
        guard recordMaxBytes >= Self.smallestMaximum else {
            throw ValidationError("--record-max-bytes must be at least \(Self.smallestMaximum), got \(recordMaxBytes)")
        }
    }

    /// The recorder for `--record`, the file opened now (so a bad path stops the command
    /// before the screen comes up); nil without `--record`.
    func recorder(sites: Int = 0) throws -> PollRecorder? {
        guard let record else { return nil }
        // A recording holds one server's polls under one header, and replay shows one server.
        guard sites <= 1 else {
            throw ValidationError("--record records one server; the config file lists \(sites) [[sites]] (give --server to record one)")
        }
        do {
            return try PollRecorder(.init(path: record, maximumBytes: recordMaxBytes))
        } catch {
            throw ValidationError(error.description)
        }
    }
}
