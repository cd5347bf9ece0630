/// A value read from the config file with the line it was written on.
public struct ConfigValue<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}
