import ECECommon
import Foundation

/// glibc's pseudo-terminal calls, looked up at run time: Swift's Glibc module does not
/// import `posix_openpt`, `grantpt`, `unlockpt` or `ptsname_r`.
enum PseudoTerminal {
    private typealias OpenFunction = @convention(c) (Int32) -> Int32
    private typealias FDFunction = @convention(c) (Int32) -> Int32
    private typealias NameFunction = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    /// Opens a new master side; returns its descriptor and the slave's path.
    static func openMaster() throws -> (master: Int32, slavePath: String) {
        guard let open = glibcFunction("posix_openpt", as: OpenFunction.self),
              let grant = glibcFunction("grantpt", as: FDFunction.self),
              let unlock = glibcFunction("unlockpt", as: FDFunction.self),
              let name = glibcFunction("ptsname_r", as: NameFunction.self) else {
            throw ValidationErrorText("this libc has no posix_openpt")
        }
        let master = open(O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw ValidationErrorText("posix_openpt: \(String(cString: strerror(errno)))") }
        guard grant(master) == 0, unlock(master) == 0 else {
            throw ValidationErrorText("grantpt/unlockpt: \(String(cString: strerror(errno)))")
        }
        var buffer = [CChar](repeating: 0, count: 256)
        guard name(master, &buffer, buffer.count) == 0 else {
            throw ValidationErrorText("ptsname_r: \(String(cString: strerror(errno)))")
        }
        let path = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return (master, String(decoding: path, as: UTF8.self))
    }
}
