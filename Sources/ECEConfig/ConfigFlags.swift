import ECEChat

/// The settings given on the command line; nil (or no IDs) where the flag was not given.
public struct ConfigFlags: Sendable, Hashable {
    public var server: String?
    public var interval: Double?
    public var fullEvery: Int?
    public var timeout: Double?
    public var maxRate: Double?
    public var burst: Int?
    public var theme: String?
    public var proxy: String?
    /// True when `--wall` was given; there is no flag to turn wall mode off.
    public var wallEnabled: Bool?
    public var wallRotate: Int?
    public var view: String?
    /// True when `--bell` was given.
    public var bell: Bool?
    /// Positional IDs; when given they replace the file's entry points.
    public var ids: [EntryPointID] = []

    public init() {}
}
