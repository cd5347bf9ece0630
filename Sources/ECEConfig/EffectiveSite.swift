import ECEChat
import ECEMonitor

/// One site of several as a run uses it: its server, entry points, labels and budget.
public struct EffectiveSite: Sendable, Hashable {
    public var name: String
    public var server: String
    public var entryPoints: [EntryPointID]
    public var entryPointInfo: [EntryPointID: MonitorConfiguration.EntryPointInfo]
    public var timeout: Double
    public var maxRate: Double
    public var burst: Int
}

extension EffectiveConfiguration {
    /// The config file's sites, with flags over each site's values over the file's top level
    /// over defaults; empty when the file lists none or `--server` names one server instead.
    public var sites: [EffectiveSite] {
        if case .flag = server?.source { return [] }
        func pick<T>(_ setting: Setting<T>, _ site: T?) -> T {
            if case .flag = setting.source { return setting.value }
            return site ?? setting.value
        }
        return siteTables.map { site in
            let tables = entryPointTables.filter { $0.site == site.name }
            var info: [EntryPointID: MonitorConfiguration.EntryPointInfo] = [:]
            for table in tables { table.addInfo(to: &info) }
            return EffectiveSite(name: site.name, server: site.server, entryPoints: tables.flatMap(\.ids), entryPointInfo: info,
                                 timeout: pick(timeout, site.timeout), maxRate: pick(maxRate, site.maxRate), burst: pick(burst, site.burst))
        }
    }

    /// The monitor's settings for one site: its own budget and labels, the rest shared.
    public func monitorConfiguration(for site: EffectiveSite) -> MonitorConfiguration {
        var configuration = monitorConfiguration()
        configuration.budget = .init(ratePerSecond: site.maxRate, burst: site.burst)
        configuration.entryPointInfo = site.entryPointInfo
        return configuration
    }
}
