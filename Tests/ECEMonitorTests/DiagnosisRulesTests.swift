import ECEChat
@testable import ECEMonitor
import Foundation
import Testing

@Suite("Diagnosis across entry points")
struct DiagnosisRulesTests {
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    static func entry(_ id: Int64, _ exchanges: [ChatAPICall: Result<ChatAPIValue, ChatAPIError>], status: Int? = 200, statusSince: Date? = nil) -> EntryPointSnapshot {
        var snapshot = EntryPointSnapshot(id: EntryPointID(id)!)
        for (call, outcome) in exchanges {
            var state = CallState()
            state.record(CallAnswer(ChatAPIExchange(call: call, entryPoint: snapshot.id, outcome: outcome, httpStatus: status, contentType: nil, latency: .zero, body: [])), at: t0)
            snapshot.calls[call] = state
        }
        snapshot.statusSince = statusSince
        return snapshot
    }

    static let refused = ChatAPIError.connectionRefused(call: "chatAllowed", cause: "connect(descriptor:addr:size:): Connection refused (errno: 111)")

    @Test func unreachableIsNotAServiceProblem() {
        let all = (1...4).map { Self.entry($0, Dictionary(uniqueKeysWithValues: ChatAPICall.allCases.map { ($0, .failure(Self.refused)) }), status: nil) }
        let diagnoses = DiagnosisRules.diagnose(all, quorum: 0.5)
        #expect(diagnoses.count == 1)
        guard case .serverUnreachable(let cause, let since) = diagnoses.first else { Issue.record("\(diagnoses)"); return }
        #expect(cause.hasPrefix("connection refused"))
        #expect(since == Self.t0)
    }

    @Test func serverErrorsAreTheirOwnBanner() {
        let failing = ChatAPIError.httpStatus(call: "chatAllowed", status: 500, body: [])
        let all = (1...3).map { Self.entry($0, [.chatAllowed: .failure(failing)], status: 500) }
        let diagnoses = DiagnosisRules.diagnose(all, quorum: 0.5)
        #expect(diagnoses == [.serverErrors(status: 500, affected: 3, total: 3, since: Self.t0)])
    }

    @Test func assignmentServiceDownSystemWide() {
        let down = ChatAPIValue.chatAllowed(.init(allowed: false, reason: .serviceNotRunning))
        var all = (1...12).map { Self.entry($0, [.chatAllowed: .success(down)], statusSince: Self.t0.addingTimeInterval(Double($0))) }
        let message = DiagnosisRules.diagnose(all, quorum: 0.5).first?.message { "\(Int($0.timeIntervalSince(Self.t0)))" }
        #expect(message == "assignment service not running on 12 of 12 entry points since 1")
        // One entry point alone is not system-wide.
        all = [all[0]] + (2...12).map { Self.entry($0, [.chatAllowed: .success(.chatAllowed(.init(allowed: true)))]) }
        #expect(DiagnosisRules.diagnose(all, quorum: 0.5).isEmpty)
    }

    /// The monitor skips the rules while its counts say no rule has a quorum: the counts must
    /// reach one exactly when a rule finds it, and forget an entry point counted out.
    @Test func theCountsReachAQuorumExactlyWhenTheRulesDo() {
        let unreachable = Dictionary(uniqueKeysWithValues: ChatAPICall.allCases.map { ($0, Result<ChatAPIValue, ChatAPIError>.failure(Self.refused)) })
        let failing: [ChatAPICall: Result<ChatAPIValue, ChatAPIError>] = [.chatAllowed: .failure(.httpStatus(call: "chatAllowed", status: 503, body: []))]
        let down: [ChatAPICall: Result<ChatAPIValue, ChatAPIError>] = [.chatAllowed: .success(.chatAllowed(.init(allowed: false, reason: .serviceNotRunning)))]
        let allowed: [ChatAPICall: Result<ChatAPIValue, ChatAPIError>] = [.chatAllowed: .success(.chatAllowed(.init(allowed: true)))]
        for kind in [unreachable, failing, down] {
            for affected in 0...6 {
                let all = (1...6).map { Self.entry(Int64($0), $0 <= affected ? kind : allowed, status: kind == unreachable ? nil : 503) }
                var candidates = DiagnosisCandidates(all)
                let found = !DiagnosisRules.diagnose(all, quorum: 0.5).isEmpty
                #expect(candidates.mayDiagnose(total: 6, quorum: 0.5) == found, "\(affected) of 6 with \(kind)")
                #expect(found == (affected >= 4))
                for entry in all { candidates.remove(entry) }
                #expect(!candidates.mayDiagnose(total: 6, quorum: 0))
            }
        }
    }

    @Test func severityRules() {
        #expect(Severity.of(chatAllowed: nil, anyCallFailed: false) == .unknown)
        #expect(Severity.of(chatAllowed: .init(allowed: true), anyCallFailed: false) == .ok)
        #expect(Severity.of(chatAllowed: .init(allowed: true), anyCallFailed: true) == .warning)
        #expect(Severity.of(chatAllowed: .init(allowed: false, reason: .queueDepthReached), anyCallFailed: false) == .critical)
        #expect(Severity.of(chatAllowed: .init(allowed: false, reason: .unrecognized("x")), anyCallFailed: false) == .warning)
        #expect(Severity.critical.exitStatus == 2)
        #expect(Severity.unknown.exitStatus == 3)
        #expect(Severity.warning.exitStatus == 1)
    }
}
