import Foundation

/// Where ecetop looks for its config file when `--config` is not given.
public enum ConfigLocation {
    /// `$XDG_CONFIG_HOME/ecetop/config.toml`, else `~/.config/ecetop/config.toml`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        // The XDG spec says to ignore a relative XDG_CONFIG_HOME.
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        return ((base as NSString).appendingPathComponent("ecetop") as NSString).appendingPathComponent("config.toml")
    }

    /// The file at `explicit` (which must exist), else the default file if there is one, else nil.
    public static func load(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> ConfigFile? {
        if let explicit { return try ConfigFile.load(path: explicit) }
        let path = defaultPath(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try ConfigFile.load(path: path)
    }
}
