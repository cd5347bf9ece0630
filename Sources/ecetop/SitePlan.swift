import ArgumentParser
import ECEChat
import ECEConfig
import ECEMonitor

/// One server a command watches: the config file's `[[sites]]` each give one, else the
/// single server of `--server`, `$ECETOP_SERVER` or the file's `server`.
struct SitePlan {
    /// The site's configured name; nil for the single server (named by its address).
    var name: String?
    var client: ChatAPIClient
    var entryPoints: [EntryPointID]
    var monitorConfiguration: MonitorConfiguration
    /// The deadline of one request, in seconds.
    var timeout: Double

    /// The plans for `effective`; refuses ID arguments beside `[[sites]]`, whose IDs the file names.
    /// `recorder` (`--record`) goes to the single server's monitor; `RecordOptions` refuses it
    /// beside several sites.
    static func make(_ effective: EffectiveConfiguration, ids: [EntryPointID], serverOptions: ServerOptions,
                     recorder: PollRecorder? = nil) async throws -> [SitePlan] {
        let sites = effective.sites
        guard !sites.isEmpty else {
            let entryPoints = try requireEntryPoints(effective)
            var monitorConfiguration = effective.monitorConfiguration()
            if let recorder { monitorConfiguration.sinks.append(recorder) }
            return [SitePlan(name: nil, client: try serverOptions.makeClient(effective), entryPoints: entryPoints,
                             monitorConfiguration: monitorConfiguration, timeout: effective.timeout.value)]
        }
        guard ids.isEmpty else {
            throw ValidationError("ID arguments need --server: the config file lists [[sites]], whose entry points it names")
        }
        var plans: [SitePlan] = []
        for site in sites {
            do {
                let client = try serverOptions.makeClient(server: try ChatAPIServer(parsing: site.server), timeout: site.timeout,
                                                          proxy: effective.proxy.value)
                plans.append(SitePlan(name: site.name, client: client, entryPoints: site.entryPoints,
                                      monitorConfiguration: effective.monitorConfiguration(for: site), timeout: site.timeout))
            } catch {
                await shutdown(plans)
                throw ValidationError("site \"\(site.name)\": \(error)")
            }
        }
        return plans
    }

    /// The name the dashboard, the report and the metrics use.
    var title: String { name ?? client.server.authority }

    static func shutdown(_ plans: [SitePlan]) async {
        for plan in plans { try? await plan.client.shutdown() }
    }
}
