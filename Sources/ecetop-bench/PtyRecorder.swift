import Foundation
import Synchronization

/// Runs a program on a new pseudo-terminal and records every byte it writes, with the time.
final class PtyRecorder: Sendable {
    /// What one `read` from the terminal's master side returned.
    struct Chunk: Sendable {
        var time: ContinuousClock.Instant
        var count: Int
    }

    /// Writes that follow each other within `gap` form one frame.
    struct Frame: Sendable {
        var start: ContinuousClock.Instant
        var bytes: Int
    }

    private let master: Int32
    private let process: Process
    private let chunks = Mutex<[Chunk]>([])

    /// Starts `arguments` (program first) on a `width`×`height` terminal.
    init(arguments: [String], width: Int, height: Int, environment: [String: String]) throws {
        let slavePath = try PseudoTerminal.openMaster()
        let master = slavePath.master
        guard let slave = FileHandle(forUpdatingAtPath: slavePath.slavePath) else { throw ValidationErrorText("cannot open \(slavePath)") }
        self.master = master
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // stty sets the window size the program reads with TIOCGWINSZ.
        process.arguments = ["-c", "stty rows \(height) cols \(width) && exec \"$@\"", "sh"] + arguments
        process.environment = environment
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
        try slave.close()
        let thread = Thread { [self] in readUntilClosed() }
        thread.start()
    }

    private func readUntilClosed() {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            let now = ContinuousClock.now
            chunks.withLock { $0.append(Chunk(time: now, count: count)) }
        }
    }

    /// Everything written so far, grouped into frames.
    func frames(gap: Duration = .milliseconds(15)) -> [Frame] {
        let chunks = chunks.withLock { $0 }
        var frames: [Frame] = []
        var last: ContinuousClock.Instant?
        for chunk in chunks {
            if let last, chunk.time - last <= gap, !frames.isEmpty {
                frames[frames.count - 1].bytes += chunk.count
            } else {
                frames.append(Frame(start: chunk.time, bytes: chunk.count))
            }
            last = chunk.time
        }
        return frames
    }

    /// Types into the program's terminal.
    func type(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Asks the program to quit with `q`, then ends it if it has not gone within two seconds.
    func finish() async {
        type("q")
        for _ in 0..<40 where process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        close(master)
    }
}
