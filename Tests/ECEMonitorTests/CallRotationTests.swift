import ECEChat
@testable import ECEMonitor
import Testing

/// Which calls a round makes: N against the budget, the full round on a state change.
@Suite struct CallRotationTests {
    @Test func nIsTheSmallestThatFitsTheAskedInterval() {
        func n(_ entryPoints: Int, interval: Int, rate: Double?) -> Int {
            CallRotation(entryPoints: entryPoints, interval: .seconds(interval), ratePerSecond: rate).fullEvery
        }
        // 12 entry points every 5 s at 20/s: 48 a round's worth, all five fit.
        #expect(n(12, interval: 5, rate: 20) == 1)
        // 30 every 5 s at 20/s: 3.33 a round allowed; 2 + 3/3 = 3 fits, 2 + 3/2 = 3.5 does not.
        #expect(n(30, interval: 5, rate: 20) == 3)
        // 60 every 2 s at 20/s: 0.67 a round; nothing fits, N = 10 and the interval stretches.
        #expect(n(60, interval: 2, rate: 20) == 10)
        #expect(n(60, interval: 2, rate: nil) == 1, "an unlimited budget polls everything")
        #expect(CallRotation(entryPoints: 60, interval: .seconds(2), ratePerSecond: 20, fixed: 4).fullEvery == 4)
        #expect(CallRotation(fullEvery: 99).fullEvery == 10)
        #expect(CallRotation(fullEvery: 10).meanCallsPerRound == 2.3)
    }

    @Test func slowerCallsGoEveryNthRoundAndAtOnceAfterAStateChange() {
        let rotation = CallRotation(fullEvery: 3)
        let all = Set(ChatAPICall.allCases)
        let frequent: Set<ChatAPICall> = [.chatAllowed, .liveSessionStatus]
        #expect((0..<7).map { Set(rotation.calls(round: $0, chatAllowedChanged: false)) }
            == [all, frequent, frequent, all, frequent, frequent, all])
        #expect(Set(rotation.calls(round: 1, chatAllowedChanged: true)) == all)
        #expect(rotation.headerText == "slots/agents/eligibility every 3rd")
        #expect(CallRotation(fullEvery: 1).headerText == nil)
        #expect(CallRotation(fullEvery: 2).headerText == "slots/agents/eligibility every 2nd")
    }
}
