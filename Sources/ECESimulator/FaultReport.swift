import ECEChat

/// The faults in force, as `/sim/faults` shows them.
public struct FaultReport: Sendable, Hashable, Codable {
    public var global: FaultSettings
    /// Entry points with their own settings (these replace the global ones for them).
    public var byEntryPoint: [String: FaultSettings]
}
