import Foundation

/// Adds "close every descriptor from 3 up" to a `posix_spawn` file-actions list.
///
/// A tmux server a test starts outlives the spawning call and would otherwise keep the test
/// process's sockets open: a stopped simulator's listening port would go on accepting into a
/// backlog nobody reads, so clients see "connect timed out" instead of "connection refused".
/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+) is looked up at run time: the
/// Glibc module does not export it.
public func spawnClosesInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
    _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
}
