import ECEChat
import ECEMonitor
import Foundation
import Testing

/// Several sites' snapshots merged into the one picture the dashboard draws.
@Suite("Merging sites")
struct SiteMergeTests {
    static let time = Date(timeIntervalSince1970: 1_800_000_000)

    /// An entry point whose latest chatAllowed request got `outcome`, with or without an HTTP answer.
    static func entryPoint(_ id: Int64, group: String? = nil, answered: Bool) -> EntryPointSnapshot {
        var state = CallState()
        let outcome: Result<ChatAPIValue, ChatAPIError> = answered
            ? .success(.chatAllowed(ChatAllowed(allowed: true)))
            : .failure(.connectionRefused(call: "chatAllowed", cause: "refused"))
        state.record(CallAnswer(ChatAPIExchange(call: .chatAllowed, entryPoint: EntryPointID(id)!, outcome: outcome, httpStatus: answered ? 200 : nil,
                                                contentType: nil, latency: .milliseconds(3), body: [])), at: time)
        return EntryPointSnapshot(id: EntryPointID(id)!, group: group, calls: [.chatAllowed: state])
    }

    @Test func reachabilityFollowsHTTPAnswers() {
        #expect(MonitorSnapshot(entryPoints: [EntryPointSnapshot(id: EntryPointID(1)!)]).isServerReachable == nil)
        #expect(MonitorSnapshot(entryPoints: [Self.entryPoint(1, answered: false)]).isServerReachable == false)
        #expect(MonitorSnapshot(entryPoints: [Self.entryPoint(1, answered: false), Self.entryPoint(2, answered: true)]).isServerReachable == true)
    }

    @Test func entryPointsAreGroupedUnderTheirSiteWithItsReachability() {
        let london = MonitorSnapshot(takenAt: Self.time, server: "http://lon", entryPoints: [Self.entryPoint(1000, group: "Sales", answered: true),
                                                                                            Self.entryPoint(1001, answered: true)],
                                     effectiveInterval: .seconds(5), events: [MonitorEvent(time: Self.time.addingTimeInterval(2), entryPoint: EntryPointID(1000)!, kind: .statusChanged, old: "a", new: "b")],
                                     requestsSent: 10)
        let paris = MonitorSnapshot(takenAt: Self.time.addingTimeInterval(1), server: "http://par", entryPoints: [Self.entryPoint(1000, answered: false)],
                                    effectiveInterval: .seconds(8), events: [MonitorEvent(time: Self.time, entryPoint: EntryPointID(1000)!, kind: .statusChanged, old: "c", new: "d")],
                                    diagnoses: [.serverUnreachable(cause: "connection refused", since: Self.time)], requestsSent: 5)
        let merged = MonitorSnapshot.merging([("london", london), ("paris", paris)])
        #expect(merged.sites == [SiteStatus(name: "london", server: "http://lon", isReachable: true),
                                 SiteStatus(name: "paris", server: "http://par", isReachable: false)])
        #expect(merged.server == "london, paris (unreachable)")
        #expect(merged.entryPoints.map(\.id.rawValue) == [1000, 1001, 1000])
        #expect(merged.entryPoints.map(\.site) == ["london", "london", "paris"])
        #expect(merged.entryPoints.map(\.group) == ["london · Sales", "london", "paris (unreachable)"])
        #expect(merged.requestsSent == 15)
        // The banner says which site a diagnosis is about.
        #expect(merged.diagnoses == [.atSite("paris", .serverUnreachable(cause: "connection refused", since: Self.time))])
        #expect(merged.diagnoses.first?.message(formatTime: { _ in "T" }) == "paris: server unreachable since T: connection refused")
        #expect(merged.effectiveInterval == .seconds(8))
        #expect(merged.takenAt == Self.time.addingTimeInterval(1))
        // Oldest first across sites.
        #expect(merged.events.map(\.new) == ["d", "b"])
    }

    @Test func theMergerWaitsForEverySiteThenCountsEachPublication() async {
        let london = MonitorSnapshot(generation: 7, server: "http://lon", entryPoints: [Self.entryPoint(1000, answered: true)])
        let paris = MonitorSnapshot(generation: 3, server: "http://par", entryPoints: [Self.entryPoint(2000, answered: true)])
        let merger = SiteSnapshotMerger(names: ["london", "paris"])
        #expect(await merger.merge(london, at: 0) == nil)
        let first = await merger.merge(paris, at: 1)
        #expect(first?.entryPoints.map(\.id.rawValue) == [1000, 2000])
        #expect(first?.generation == 1)
        let second = await merger.merge(london, at: 0)
        #expect(second?.generation == 2)
    }

    @Test func oneSiteIsPassedOnAsItIs() async {
        let only = MonitorSnapshot(generation: 7, server: "http://lon", entryPoints: [Self.entryPoint(1000, answered: true)])
        #expect(await SiteSnapshotMerger(names: ["london"]).merge(only, at: 0)?.generation == 7)
    }
}
