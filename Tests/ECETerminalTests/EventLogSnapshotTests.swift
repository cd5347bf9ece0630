@testable import ECETerminal
import Testing

/// The event log: every transition newest first, and its filter.
@Suite struct EventLogSnapshotTests {
    @Test func everyTransitionNewestFirst() {
        #expect(DetailCases.eventLogAll() == #"""
             ecetop  https://ece.example.com                        every 5s · budget 20/s · 22:13:21
             3 entry points  ✖ 1 critical  ▲ 1 warning  ● 1 ok  ? 0 unknown                   sort ID
             event log, newest first: 7 events · 1–7
             22:12:21  1000   data stale (newest 12 s old)
             22:11:21  1001   error ended: capacity answering again (was: capacity: HTTP 503)
             22:10:01  1002   eligibility: 0 (queue can take new chats) → 1 (no agent available)
             22:09:21  1002   alert raised: critical: service_not_running
             22:09:21  1002   status: allowed → service_not_running
             22:08:21  1001   error started: capacity: HTTP 503
             21:58:21  1002   status: unknown → allowed



             Up/Dn scroll  PgUp/PgDn page  / filter  w record  Esc back  ? help  q quit
            """#)
    }

    @Test func slashEditsTheEventFilter() {
        #expect(DetailCases.eventLogFilterTyping() == #"""
             ecetop  https://ece.example.com                        every 5s · budget 20/s · 22:13:21
             3 entry points  ✖ 1 critical  ▲ 1 warning  ● 1 ok  ? 0 unknown                   sort ID
             event log, newest first: 7 events · 1–7
             22:12:21  1000   data stale (newest 12 s old)
             22:11:21  1001   error ended: capacity answering again (was: capacity: HTTP 503)
             22:10:01  1002   eligibility: 0 (queue can take new chats) → 1 (no agent available)
             22:09:21  1002   alert raised: critical: service_not_running
             22:09:21  1002   status: allowed → service_not_running
             22:08:21  1001   error started: capacity: HTTP 503
             21:58:21  1002   status: unknown → allowed



             filter events: 1002▏  Enter apply  Esc clear
            """#)
    }

    @Test func enterAppliesTheFilter() {
        #expect(DetailCases.eventLogFiltered() == #"""
             ecetop  https://ece.example.com                        every 5s · budget 20/s · 22:13:21
             3 entry points  ✖ 1 critical  ▲ 1 warning  ● 1 ok  ? 0 unknown                   sort ID
             event log, newest first: 4 of 7 events match "1002" (Esc clears) · 1–4
             22:10:01  1002   eligibility: 0 (queue can take new chats) → 1 (no agent available)
             22:09:21  1002   alert raised: critical: service_not_running
             22:09:21  1002   status: allowed → service_not_running
             21:58:21  1002   status: unknown → allowed






             Up/Dn scroll  PgUp/PgDn page  / filter  w record  Esc back  ? help  q quit
            """#)
    }

    @Test func filterWithoutMatchSaysSo() {
        #expect(DetailCases.eventLogNoMatch() == #"""
             ecetop  https://ece.example.com                        every 5s · budget 20/s · 22:13:21
             3 entry points  ✖ 1 critical  ▲ 1 warning  ● 1 ok  ? 0 unknown                   sort ID
             event log, newest first: 0 of 7 events match "nothing" (Esc clears)
             no event matches "nothing"









             Up/Dn scroll  PgUp/PgDn page  / filter  w record  Esc back  ? help  q quit
            """#)
    }
}
