#if canImport(Glibc)
import Glibc
#endif

/// A C library function looked up by name at run time, for the few glibc calls Swift's Glibc
/// module does not import (`malloc_trim`, `malloc_stats`, `posix_openpt`, …).
///
/// - Returns: the function as `type`, or nil where the C library has no such symbol (not glibc).
public func glibcFunction<Function>(_ name: String, as type: Function.Type) -> Function? {
    #if canImport(Glibc)
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
    return unsafeBitCast(symbol, to: type)
    #else
    return nil
    #endif
}
