import ECECommon

/// Hands the memory a long run has freed back to the system, once a minute.
///
/// glibc keeps freed memory in its arenas for reuse: over hours of replaced snapshots and
/// history chunks that fragments into pages nothing uses that still count as ecetop's
/// resident memory.
/// `malloc_trim` releases the free pages inside the arenas, not only at their tops.
public enum HeapTrimmer {
    /// Trims now; false where the C library has no `malloc_trim` (not glibc).
    @discardableResult
    public static func trimNow() -> Bool {
        guard let trim = mallocTrim else { return false }
        _ = trim(0)
        return true
    }

    /// Trims every `interval` on `clock` until the task is cancelled.
    public static func run<C: Clock>(every interval: C.Duration, clock: C) async {
        await run(every: interval, clock: clock) { trimNow() }
    }

    static func run<C: Clock>(every interval: C.Duration, clock: C, trim: () -> Void) async {
        while !Task.isCancelled {
            do { try await clock.sleep(for: interval) } catch { return }
            trim()
        }
    }

    /// Trims once a minute of real time until the task is cancelled.
    public static func run() async {
        await run(every: .seconds(60), clock: ContinuousClock())
    }

    private typealias MallocTrim = @convention(c) (Int) -> Int32

    /// Looked up at run time: the Glibc module does not export `<malloc.h>`.
    private static let mallocTrim = glibcFunction("malloc_trim", as: MallocTrim.self)
}
