import ArgumentParser
import ECEChat
import ECECommon
import ECEMonitor
import ECETerminal
import Foundation
import Logging

/// P2b: resident memory of the monitor and dashboard with a full hour of history.
///
/// `ecetop watch` would need an hour of wall time; here the same `ChatMonitor` and
/// `DashboardView` run on a clock that skips the idle time between polls, against a
/// separate simulator process, so the process holds what `ecetop watch` holds after an hour.
struct HistoryMemoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history-memory",
        abstract: "P2b: RSS of the monitor + dashboard once every entry point has a full history window."
    )

    @Option(help: "The simulator's base URL (a separate `ecetop simulate` process).")
    var server: String

    @Option(help: "Entry points, from 1000.")
    var entryPoints = 200

    @Option(help: "Poll interval, seconds (history holds window ÷ interval samples).")
    var interval = 2.0

    @Option(help: "History window, seconds.")
    var window = 3600.0

    func run() async throws {
        let client = try ChatAPIClient(server: try ChatAPIServer(parsing: server))
        var configuration = MonitorConfiguration()
        configuration.interval = .milliseconds(Int64(interval * 1000))
        configuration.historyWindow = .seconds(window)
        configuration.budget = .init(ratePerSecond: 0, burst: 20)
        let clock = SteppingClock(step: configuration.interval * 0.5) { await client.requestsInFlight == 0 }
        var quiet = Logger(label: "ecetop.bench")
        quiet.logLevel = .critical
        let monitor = ChatMonitor(client: client, entryPoints: Bench.entryPoints(first: 1000, count: entryPoints),
                                  configuration: configuration, clock: clock, logger: quiet)
        let capacity = min(7200, EntryPointHistory.capacity(window: configuration.historyWindow, interval: configuration.interval))
        let started = ContinuousClock.now
        let running = Task { await monitor.run() }
        // As `ecetop watch` does (once a minute of real time).
        let trimming = Task { await HeapTrimmer.run() }
        var baseline = -1
        var lastFrame = ContinuousClock.now
        var lastReport = ContinuousClock.now
        var latest: MonitorSnapshot?
        for await snapshot in monitor.snapshots {
            latest = snapshot
            let filled = snapshot.entryPoints.map { $0.history.queueDepth.count }.min() ?? 0
            if baseline < 0, filled >= 1 { baseline = Bench.procStatusKilobytes("VmRSS") }
            // The dashboard composes a frame now and then, as the UI thread would.
            if ContinuousClock.now - lastFrame > .milliseconds(250) {
                _ = DashboardView.plainText(snapshot: snapshot)
                lastFrame = ContinuousClock.now
            }
            if ContinuousClock.now - lastReport > .seconds(15) {
                print("history: \(filled) of \(capacity) samples per series (simulated \(Int(clock.now.offset.inSeconds)) s)")
                lastReport = ContinuousClock.now
            }
            if filled >= capacity { break }
        }
        if let latest { _ = DashboardView.plainText(snapshot: latest) }
        let rss = Bench.procStatusKilobytes("VmRSS")
        let peak = Bench.procStatusKilobytes("VmHWM")
        // Where the resident memory is: mapped files (code) against the heap; glibc's
        // per-arena figures (in use against held) go to stderr.
        Bench.result("p2.history.rssFileMB", Double(Bench.procStatusKilobytes("RssFile")) / 1024)
        Bench.result("p2.history.rssAnonMB", Double(Bench.procStatusKilobytes("RssAnon")) / 1024)
        Bench.glibcMallocStats()
        running.cancel()
        trimming.cancel()
        await running.value
        try await client.shutdown()
        print(String(format: "filled in %.0f s of wall time", (ContinuousClock.now - started).inSeconds))
        Bench.result("p2.history.samplesPerSeries", capacity)
        Bench.result("p2.history.rssMB", Double(rss) / 1024)
        Bench.result("p2.history.peakMB", Double(peak) / 1024)
        Bench.result("p2.history.firstRoundMB", Double(baseline) / 1024)
    }
}
