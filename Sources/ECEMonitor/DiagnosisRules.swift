import ECEChat
import Foundation

/// Finds causes that span entry points. The three are kept apart on purpose: an unreachable
/// server, a server answering errors and a stopped assignment service need different people.
enum DiagnosisRules {
    static func diagnose(_ entryPoints: [EntryPointSnapshot], quorum: Double) -> [Diagnosis] {
        guard !entryPoints.isEmpty else { return [] }
        let total = entryPoints.count
        let needed = needed(of: total, quorum: quorum)
        var diagnoses: [Diagnosis] = []

        let unreachable = entryPoints.compactMap { entry -> (String, Date)? in
            guard isUnreachable(entry) else { return nil }
            let since = entry.calls.values.compactMap(\.failingSince).min() ?? Date.distantPast
            return (entry.failingCalls[0].error.description, since)
        }
        if unreachable.count >= needed {
            let cause = unreachable.map(\.0).first.map(Self.cause(of:)) ?? "no answer"
            diagnoses.append(.serverUnreachable(cause: cause, since: unreachable.map(\.1).min()!))
            return diagnoses
        }

        let httpFailures = entryPoints.compactMap { entry -> (Int, Date)? in
            guard let status = chatAllowedHTTPFailure(entry), let state = entry.calls[.chatAllowed] else { return nil }
            return (status, state.failingSince ?? Date.distantPast)
        }
        if httpFailures.count >= needed {
            let statuses = Dictionary(grouping: httpFailures, by: \.0)
            let common = statuses.max { $0.value.count < $1.value.count }!.key
            diagnoses.append(.serverErrors(status: common, affected: httpFailures.count, total: total, since: httpFailures.map(\.1).min()!))
        }

        let serviceDown = entryPoints.filter(isServiceDown)
        if total >= 2, serviceDown.count >= needed {
            let since = serviceDown.compactMap(\.statusSince).min() ?? Date.distantPast
            diagnoses.append(.assignmentServiceDown(affected: serviceDown.count, total: total, since: since))
        }
        return diagnoses
    }

    /// How many entry points of `total` make a quorum.
    static func needed(of total: Int, quorum: Double) -> Int {
        max(1, Int((Double(total) * quorum).rounded(.down)) + 1)
    }

    /// Every call made fails for want of the server.
    static func isUnreachable(_ entry: EntryPointSnapshot) -> Bool {
        let failing = entry.failingCalls
        return !failing.isEmpty && failing.count == entry.calls.count && failing.allSatisfy { $0.error.isUnreachable }
    }

    /// The HTTP status `chatAllowed` fails with, if it does.
    static func chatAllowedHTTPFailure(_ entry: EntryPointSnapshot) -> Int? {
        guard let state = entry.calls[.chatAllowed], state.isFailing else { return nil }
        return state.lastError?.httpStatus
    }

    static func isServiceDown(_ entry: EntryPointSnapshot) -> Bool {
        entry.chatAllowed?.reason == .serviceNotRunning
    }

    /// `chatAllowed: connection refused (…)` → `connection refused (…)`: the call is noise here.
    private static func cause(of description: String) -> String {
        guard let colon = description.firstIndex(of: ":") else { return description }
        return description[description.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
}

/// How many entry points each rule would count, kept as they change: below a quorum for every
/// rule the diagnosis is empty without a look at each entry point.
struct DiagnosisCandidates {
    private var unreachable = 0
    private var httpFailures = 0
    private var serviceDown = 0

    init() {}

    init(_ entryPoints: [EntryPointSnapshot]) {
        for entry in entryPoints { add(entry) }
    }

    mutating func add(_ entry: EntryPointSnapshot) { count(entry, by: 1) }

    /// Counts out what `add(entry)` counted in (the same snapshot, before it changed).
    mutating func remove(_ entry: EntryPointSnapshot) { count(entry, by: -1) }

    private mutating func count(_ entry: EntryPointSnapshot, by step: Int) {
        // Nearly always nothing fails and the service runs: answer that from two fields.
        guard entry.hasFailingCall || entry.chatAllowed?.reason != nil else { return }
        if DiagnosisRules.isUnreachable(entry) { unreachable += step }
        if DiagnosisRules.chatAllowedHTTPFailure(entry) != nil { httpFailures += step }
        if DiagnosisRules.isServiceDown(entry) { serviceDown += step }
    }

    /// Whether any rule has a quorum of `total` entry points.
    func mayDiagnose(total: Int, quorum: Double) -> Bool {
        let needed = DiagnosisRules.needed(of: total, quorum: quorum)
        return unreachable >= needed || httpFailures >= needed || serviceDown >= needed
    }
}
