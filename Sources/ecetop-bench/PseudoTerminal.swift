import Foundation

/// glibc's pseudo-terminal calls, looked up at run time: Swift's Glibc module does not
/// import `posix_openpt`, `grantpt`, `unlockpt` or `ptsname_r`.
enum PseudoTerminal {
    private typealias OpenFunction = @convention(c) (Int32) -> Int32
    private typealias FDFunction = @convention(c) (Int32) -> Int32
    private typealias NameFunction = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    /// Opens a new master side; returns its descriptor and the slave's path.
    static func openMaster() throws -> (master: Int32, slavePath: String) {
        let libc = dlopen(nil, RTLD_NOW)
        guard let open = dlsym(libc, "posix_openpt"), let grant = dlsym(libc, "grantpt"),
              let unlock = dlsym(libc, "unlockpt"), let name = dlsym(libc, "ptsname_r") else {
            throw ValidationErrorText("this libc has no posix_openpt")
        }
        let master = unsafeBitCast(open, to: OpenFunction.self)(O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw ValidationErrorText("posix_openpt: \(String(cString: strerror(errno)))") }
        guard unsafeBitCast(grant, to: FDFunction.self)(master) == 0,
              unsafeBitCast(unlock, to: FDFunction.self)(master) == 0 else {
            throw ValidationErrorText("grantpt/unlockpt: \(String(cString: strerror(errno)))")
        }
        var buffer = [CChar](repeating: 0, count: 256)
        guard unsafeBitCast(name, to: NameFunction.self)(master, &buffer, buffer.count) == 0 else {
            throw ValidationErrorText("ptsname_r: \(String(cString: strerror(errno)))")
        }
        let path = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return (master, String(decoding: path, as: UTF8.self))
    }
}
