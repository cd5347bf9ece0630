@testable import ECEMonitor
import Foundation
import NIOConcurrencyHelpers
import Testing

@Suite("Returning freed memory to the system") struct HeapTrimmerTests {
    /// Under ThreadSanitizer or AddressSanitizer, memory comes from the sanitizer's own
    /// allocator, which glibc's `malloc_trim` does not manage: nothing to measure there.
    static let usesGlibcAllocator = ["__tsan_init", "__asan_init"].allSatisfy { (symbol: String) in
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol) == nil
    }

    /// Fragments the heap as a long run does (most blocks freed, a few kept between them),
    /// then checks that a trim gives the freed pages back: resident memory falls.
    @Test(.enabled(if: usesGlibcAllocator, "a sanitizer's allocator is not glibc's"))
    func trimReleasesFreedPagesBetweenLiveBlocks() throws {
        let blockSize = 16 * 1024, count = 2048  // 32 MiB, under glibc's mmap threshold per block
        var blocks: [UnsafeMutableRawPointer] = (0..<count).map { _ in
            let block = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
            block.initializeMemory(as: UInt8.self, repeating: 0xA5, count: blockSize)
            return block
        }
        // Keep every 16th block so that the freed space cannot shrink from the heap's top.
        var kept: [UnsafeMutableRawPointer] = []
        for (index, block) in blocks.enumerated() {
            if index % 16 == 0 { kept.append(block) } else { block.deallocate() }
        }
        blocks.removeAll()
        defer { kept.forEach { $0.deallocate() } }
        let before = try residentAnonymousKilobytes()
        #expect(HeapTrimmer.trimNow())
        let after = try residentAnonymousKilobytes()
        // 30 MiB were freed; other tests allocate meanwhile, so ask for half of it back.
        #expect(before - after > 15 * 1024, "RssAnon \(before) kB before the trim, \(after) kB after")
    }

    @Test func trimsOncePerIntervalUntilCancelled() async throws {
        let clock = ManualClock()
        let trims = Counter()
        let trimming = Task { await HeapTrimmer.run(every: .seconds(60), clock: clock) { trims.increment() } }
        for expected in 1...3 {
            try await waitUntil { clock.sleeperCount == 1 }
            clock.advance(by: .seconds(60))
            try await waitUntil { trims.value == expected }
        }
        clock.advance(by: .seconds(59))
        try await waitUntil { clock.sleeperCount == 1 }
        #expect(trims.value == 3)
        trimming.cancel()
        await trimming.value
        #expect(clock.sleeperCount == 0)
    }

    private func residentAnonymousKilobytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("RssAnon:") })
        return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
    }

    /// Polls a condition that another task makes true (no fixed sleeps), for up to 5 s.
    private func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while !condition() {
            try #require(ContinuousClock.now < deadline, "condition not met within 5 s")
            try await Task.sleep(for: .milliseconds(1))
        }
    }
}

private final class Counter: Sendable {
    private let count = NIOLockedValueBox(0)
    var value: Int { count.withLockedValue { $0 } }
    func increment() { count.withLockedValue { $0 += 1 } }
}
