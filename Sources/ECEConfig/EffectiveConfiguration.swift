import ECEChat
import ECEMonitor

/// The settings a run uses after flags, environment, config file and defaults, each with its source.
public struct EffectiveConfiguration: Sendable, Hashable {
    /// Built-in defaults, the last word when neither a flag nor the file says anything.
    public enum Defaults {
        public static let interval = 5.0
        public static let timeout = 5.0
        public static let maxRate = 20.0
        public static let burst = 20
        public static let theme = "default"
        public static let wallRotate = 10
        public static let view = "auto"
    }

    /// The config file read, nil when there was none.
    public var path: String?
    /// nil when no flag, environment variable or file names a server.
    public var server: Setting<String>?
    public var interval: Setting<Double>
    /// `--full-every` or the file's `full-every`; nil: the monitor chooses to fit the budget.
    public var fullEvery: Setting<Int?>
    public var timeout: Setting<Double>
    public var maxRate: Setting<Double>
    public var burst: Setting<Int>
    /// The theme's name, handed on as is: the theme options resolve it.
    public var theme: Setting<String>
    /// `--proxy` or the file's `proxy`; nil leaves it to `$HTTPS_PROXY`/`$HTTP_PROXY`.
    public var proxy: Setting<String?>
    public var waitTime: Setting<Double?>
    public var queueDepth: Setting<Int?>
    public var freeSlots: Setting<Int?>
    public var fullIn: Setting<Double?>
    public var wallEnabled: Setting<Bool>
    public var wallRotate: Setting<Int>
    /// `grid`, `table` or `auto`, checked by the flag or the file.
    public var view: Setting<String>
    public var bell: Setting<Bool>
    public var entryPoints: Setting<[EntryPointID]>
    /// The file's `[[entry-points]]` tables as written, for `config check`.
    public var entryPointTables: [ConfiguredEntryPoints]
    /// The file's `[[sites]]` tables as written; `sites` resolves them.
    public var siteTables: [ConfiguredSite] = []

    /// Merges in order of precedence: flag, then `$ECETOP_SERVER` (server only), then file, then default.
    ///
    /// - Parameter defaultInterval: the interval when nothing sets one (the demo polls faster).
    public init(file: ConfigFile?, flags: ConfigFlags = ConfigFlags(), environment: [String: String] = [:],
                defaultInterval: Double = Defaults.interval) {
        let path = file?.path
        self.path = path
        if let flag = flags.server {
            server = Setting(flag, .flag("--server"))
        } else if let variable = environment["ECETOP_SERVER"], !variable.isEmpty {
            server = Setting(variable, .environment("ECETOP_SERVER"))
        } else if let fromFile = file?.server, let path {
            server = Setting(fromFile.value, .file(path: path, line: fromFile.line))
        } else {
            server = nil
        }
        interval = .pick(flag: flags.interval, flagName: "--interval", file: file?.interval, path: path, fallback: defaultInterval)
        fullEvery = .pick(flag: flags.fullEvery, flagName: "--full-every", file: file?.fullEvery, path: path)
        timeout = .pick(flag: flags.timeout, flagName: "--timeout", file: file?.timeout, path: path, fallback: Defaults.timeout)
        maxRate = .pick(flag: flags.maxRate, flagName: "--max-rate", file: file?.maxRate, path: path, fallback: Defaults.maxRate)
        burst = .pick(flag: flags.burst, flagName: "--burst", file: file?.burst, path: path, fallback: Defaults.burst)
        proxy = .pick(flag: flags.proxy, flagName: "--proxy", file: file?.proxy, path: path)
        theme = .pick(flag: flags.theme, flagName: "--theme", file: file?.theme, path: path, fallback: Defaults.theme)
        waitTime = Self.threshold(file?.waitTime, path: path)
        queueDepth = Self.threshold(file?.queueDepth, path: path)
        freeSlots = Self.threshold(file?.freeSlots, path: path)
        fullIn = Self.threshold(file?.fullIn, path: path)
        wallEnabled = .pick(flag: flags.wallEnabled, flagName: "--wall", file: file?.wallEnabled, path: path, fallback: false)
        wallRotate = .pick(flag: flags.wallRotate, flagName: "--rotate", file: file?.wallRotate, path: path, fallback: Defaults.wallRotate)
        view = .pick(flag: flags.view, flagName: "--view", file: file?.view, path: path, fallback: Defaults.view)
        bell = .pick(flag: flags.bell, flagName: "--bell", file: file?.bell, path: path, fallback: false)
        entryPointTables = file?.entryPoints ?? []
        siteTables = file?.sites ?? []
        if !flags.ids.isEmpty {
            entryPoints = Setting(flags.ids, .flag("ID arguments"))
        } else if let first = file?.entryPoints.first, let path {
            entryPoints = Setting(file?.entryPoints.flatMap(\.ids) ?? [], .file(path: path, line: first.line))
        } else {
            entryPoints = Setting([], .builtIn)
        }
    }

    private static func threshold<T: Sendable & Hashable>(_ value: ConfigValue<T>?, path: String?) -> Setting<T?> {
        guard let value, let path else { return Setting(nil, .builtIn) }
        return Setting(value.value, .file(path: path, line: value.line))
    }

    /// Labels and groups for every ID the file names, whether or not the run watches it.
    public var entryPointInfo: [EntryPointID: MonitorConfiguration.EntryPointInfo] {
        var info: [EntryPointID: MonitorConfiguration.EntryPointInfo] = [:]
        for table in entryPointTables { table.addInfo(to: &info) }
        return info
    }

    public var thresholds: AlertThresholds {
        AlertThresholds(waitTimeAtLeastSeconds: waitTime.value, queueDepthAtLeast: queueDepth.value, freeSlotsAtMost: freeSlots.value,
                        fullInAtMostSeconds: fullIn.value)
    }

    /// What the monitor needs of this: interval, budget, thresholds, labels and groups.
    public func monitorConfiguration() -> MonitorConfiguration {
        var configuration = MonitorConfiguration()
        configuration.interval = .milliseconds(Int64((interval.value * 1000).rounded()))
        configuration.budget = .init(ratePerSecond: maxRate.value, burst: burst.value)
        configuration.fullEvery = fullEvery.value
        configuration.thresholds = thresholds
        configuration.entryPointInfo = entryPointInfo
        return configuration
    }
}
