/// Where an effective setting came from, as `ecetop config check` reports it.
public enum ConfigSource: Sendable, Hashable, CustomStringConvertible {
    /// A command-line flag, named as typed (`--interval`) or `ID arguments`.
    case flag(String)
    /// An environment variable, such as `ECETOP_SERVER`.
    case environment(String)
    case file(path: String, line: Int)
    case builtIn

    public var description: String {
        switch self {
        case .flag(let name): "flag \(name)"
        case .environment(let name): "environment $\(name)"
        case .file(let path, let line): "file \(path):\(line)"
        case .builtIn: "default"
        }
    }
}
