import ArgumentParser
import ECEMonitor
import ECETerminal
import Foundation

/// P3a: the time to compose one full dashboard frame (view + plain-text renderer).
struct FrameCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frame",
        abstract: "P3a: median time to compose a frame with every panel on one page."
    )

    @Option(help: "Entry points (panels) on the frame.")
    var entryPoints = 200

    @Option(help: "Timed compositions (after 5 untimed ones).")
    var runs = 300

    func run() async throws {
        let snapshot = try await SnapshotSource.polledSnapshot(count: entryPoints)
        var state = DashboardState()
        _ = state.reconcile(with: snapshot)
        let size = Self.sizeShowingAll(snapshot, state: state)
        print("frame \(size) with \(entryPoints) panels on one page")
        let full = Self.measure(state: state, snapshot: snapshot, size: size, runs: runs)
        Bench.result("p3.frame.ms", full.milliseconds)
        Bench.result("p3.frame.cpu.ms", full.cpuMilliseconds)
        Bench.result("p3.frame.cells", size.width * size.height)
        Bench.result("p3.frame.chars", full.characters)
        let small = Self.measure(state: state, snapshot: snapshot, size: ScreenSize(width: 120, height: 40), runs: runs)
        Bench.result("p3.frame120x40.ms", small.milliseconds)
        Bench.result("p3.frame120x40.cpu.ms", small.cpuMilliseconds)
    }

    /// The smallest screen, ten panels wide, that puts every entry point on one page.
    static func sizeShowingAll(_ snapshot: MonitorSnapshot, state: DashboardState) -> ScreenSize {
        let width = GridLayout.minimumPanelWidth * 10
        var height = GridLayout.panelHeight * ((snapshot.entryPoints.count + 9) / 10)
        while state.gridLayout(snapshot, size: ScreenSize(width: width, height: height)).pageCount > 1 { height += 1 }
        return ScreenSize(width: width, height: height)
    }

    /// Median milliseconds of `DashboardView.render` plus `PlainTextRenderer.render`: wall
    /// time, and the thread's CPU time (the same on a quiet machine, fairer on a busy one).
    static func measure(state: DashboardState, snapshot: MonitorSnapshot, size: ScreenSize, runs: Int)
        -> (milliseconds: Double, cpuMilliseconds: Double, characters: Int) {
        let view = DashboardView()
        let renderer = PlainTextRenderer(trimsTrailingSpaces: false)
        let context = ViewContext(now: snapshot.takenAt)
        var times: [Double] = []
        var cpuTimes: [Double] = []
        var characters = 0
        for run in 0..<(runs + 5) {
            let cpuStarted = Bench.threadCPUSeconds()
            let started = ContinuousClock.now
            let buffer = view.render(state: state, snapshot: snapshot, size: size, context: context)
            let text = renderer.render(buffer)
            let elapsed = ContinuousClock.now - started
            let cpu = Bench.threadCPUSeconds() - cpuStarted
            characters = text.unicodeScalars.count
            if run >= 5 {
                times.append(Bench.seconds(elapsed) * 1000)
                cpuTimes.append(cpu * 1000)
            }
        }
        return (Bench.median(times), Bench.median(cpuTimes), characters)
    }
}
