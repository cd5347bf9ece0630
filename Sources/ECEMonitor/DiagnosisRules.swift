import ECEChat
import Foundation

/// Finds causes that span entry points. The three are kept apart on purpose: an unreachable
/// server, a server answering errors and a stopped assignment service need different people.
enum DiagnosisRules {
    static func diagnose(_ entryPoints: [EntryPointSnapshot], quorum: Double) -> [Diagnosis] {
        guard !entryPoints.isEmpty else { return [] }
        let total = entryPoints.count
        let needed = max(1, Int((Double(total) * quorum).rounded(.down)) + 1)
        var diagnoses: [Diagnosis] = []

        let unreachable = entryPoints.compactMap { entry -> (String, Date)? in
            let failing = entry.failingCalls
            guard !failing.isEmpty, failing.count == entry.calls.count, failing.allSatisfy({ $0.error.isUnreachable }) else { return nil }
            let since = entry.calls.values.compactMap(\.failingSince).min() ?? Date.distantPast
            return (failing[0].error.description, since)
        }
        if unreachable.count >= needed {
            let cause = unreachable.map(\.0).first.map(Self.cause(of:)) ?? "no answer"
            diagnoses.append(.serverUnreachable(cause: cause, since: unreachable.map(\.1).min()!))
            return diagnoses
        }

        let httpFailures = entryPoints.compactMap { entry -> (Int, Date)? in
            guard let state = entry.calls[.chatAllowed], state.isFailing, let status = state.lastError?.httpStatus else { return nil }
            return (status, state.failingSince ?? Date.distantPast)
        }
        if httpFailures.count >= needed {
            let statuses = Dictionary(grouping: httpFailures, by: \.0)
            let common = statuses.max { $0.value.count < $1.value.count }!.key
            diagnoses.append(.serverErrors(status: common, affected: httpFailures.count, total: total, since: httpFailures.map(\.1).min()!))
        }

        let serviceDown = entryPoints.filter { $0.chatAllowed?.reason == .serviceNotRunning }
        if total >= 2, serviceDown.count >= needed {
            let since = serviceDown.compactMap(\.statusSince).min() ?? Date.distantPast
            diagnoses.append(.assignmentServiceDown(affected: serviceDown.count, total: total, since: since))
        }
        return diagnoses
    }

    /// `chatAllowed: connection refused (…)` → `connection refused (…)`: the call is noise here.
    private static func cause(of description: String) -> String {
        guard let colon = description.firstIndex(of: ":") else { return description }
        return description[description.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
}
