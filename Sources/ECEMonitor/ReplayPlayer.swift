import ECEChat
import ECECommon
import Foundation

/// Plays a recording in time on a clock, publishing snapshots as the live monitor does, so the
/// same dashboard shows it; pause, speed and seek come in as `ReplayControl`s.
///
/// The recorded time runs at `speed` recorded seconds per second of `clock`; with a
/// `ManualClock` a test moves it without waiting. At the end the last picture stays up.
public actor ReplayPlayer<C: Clock> where C.Duration == Duration {
    /// The newest picture; a slow reader only ever misses stale ones.
    public nonisolated var snapshots: AsyncStream<MonitorSnapshot> { loop.snapshots }
    private nonisolated let loop: MonitorLoop<ReplayControl, C>

    /// Snapshots go out at most this often while playing, however dense the polls.
    static var shortestWait: Duration { .milliseconds(50) }

    private var timeline: ReplayTimeline
    private var speed: Double
    private var isPaused = false
    /// A real instant and the recorded moment it showed: the position runs on from there.
    private var anchorInstant: C.Instant
    private var anchorPosition: Date
    private var generation = 0
    private var latestSnapshot = MonitorSnapshot()

    public init(recording: Recording, speed: Double = 1, clock: C) {
        loop = MonitorLoop(clock: clock)
        timeline = ReplayTimeline(recording)
        self.speed = max(speed, ReplayControl.speeds[0])
        anchorInstant = clock.now
        anchorPosition = recording.start
    }

    /// Sends a command from any thread (the UI's included); it is handled in order.
    public nonisolated func send(_ command: ReplayControl) {
        loop.send(command)
    }

    /// The most recent published picture (for tests).
    public var snapshot: MonitorSnapshot { latestSnapshot }

    /// Plays until the task running it is cancelled; then the snapshot stream finishes.
    public func run() async {
        await loop.run(handle: { await self.handle($0) }) { _ in
            timeline.move(to: position)
            publish()
            if isPaused || isAtEnd {
                await sleep(for: .seconds(3600))
                return
            }
            let next = timeline.nextPollTime ?? timeline.end
            let recordedWait = max(0, next.timeIntervalSince(timeline.position))
            // A wake every second at most, so the recorded clock in the header ticks.
            let wait = min(max(recordedWait / speed, Self.shortestWait.inSeconds), 1)
            await sleep(for: .microseconds(Int64((wait * 1_000_000).rounded(.up))))
        }
    }

    /// The recorded moment to show now.
    private var position: Date {
        guard !isPaused else { return anchorPosition }
        let played = anchorInstant.duration(to: loop.clock.now).inSeconds * speed
        return min(anchorPosition.addingTimeInterval(played), timeline.end)
    }

    private var isAtEnd: Bool { timeline.position >= timeline.end }

    func handle(_ command: ReplayControl) {
        switch command {
        case .pause: setPaused(true)
        case .resume: setPaused(false)
        case .togglePause: setPaused(!isPaused)
        case .acknowledge(let id): timeline.acknowledge(id)
        case .faster:
            reanchor()
            speed = ReplayControl.speeds.first { $0 > speed } ?? speed
        case .slower:
            reanchor()
            speed = ReplayControl.speeds.last { $0 < speed } ?? speed
        case .seek(let offset):
            reanchor()
            anchorPosition = min(max(anchorPosition.addingTimeInterval(offset.inSeconds), timeline.start), timeline.end)
        }
        loop.wake()
    }

    private func setPaused(_ paused: Bool) {
        reanchor()
        isPaused = paused
    }

    private func reanchor() {
        anchorPosition = position
        anchorInstant = loop.clock.now
    }

    private func sleep(for duration: Duration) async {
        await loop.sleep(until: loop.clock.now.advanced(by: duration))
    }

    private func publish() {
        generation += 1
        let status = ReplayStatus(speed: speed, isPaused: isPaused, isAtEnd: isAtEnd, start: timeline.start, end: timeline.end)
        latestSnapshot = timeline.snapshot(generation: generation, status: status)
        loop.publish(latestSnapshot)
    }
}
