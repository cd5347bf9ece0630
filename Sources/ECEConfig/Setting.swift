/// One effective value and where it came from.
public struct Setting<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var source: ConfigSource

    public init(_ value: Value, _ source: ConfigSource) {
        self.value = value
        self.source = source
    }

    /// The flag's value if given, else the file's, else `fallback`: the precedence of every setting.
    static func pick(flag: Value?, flagName: String, file: ConfigValue<Value>?, path: String?, fallback: Value) -> Setting {
        if let flag { return Setting(flag, .flag(flagName)) }
        if let file, let path { return Setting(file.value, .file(path: path, line: file.line)) }
        return Setting(fallback, .builtIn)
    }

    /// The same for a setting nothing has to set: nil, from the defaults, when neither does.
    static func pick<Wrapped>(flag: Wrapped?, flagName: String, file: ConfigValue<Wrapped>?, path: String?) -> Setting
    where Value == Wrapped? {
        if let flag { return Setting(flag, .flag(flagName)) }
        if let file, let path { return Setting(file.value, .file(path: path, line: file.line)) }
        return Setting(nil, .builtIn)
    }
}
