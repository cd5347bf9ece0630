import Foundation

/// Runs blocking work (a pipe read, `waitpid`, curl) on a thread of its own and awaits it.
///
/// Neither the cooperative pool nor `DispatchQueue.global()` will do: on Linux both draw on
/// libdispatch's worker threads, capped at the core count (two here), so two blocked pipe
/// reads leave the in-process simulator no thread to answer on and parallel suites time out.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
