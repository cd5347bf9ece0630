import NIOCore

/// An event loop as a Swift task executor: tasks that prefer it, and the default actors they
/// call, run on the loop's thread.
///
/// Polling with the transport's loop as the preference (`ChatAPIClient.taskExecutor`) writes
/// a request and reads, decodes and applies its answer on one thread, with no hop to Swift's
/// pool and back.
public final class EventLoopTaskExecutor: TaskExecutor {
    private let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
