@testable import ECETerminal
import Testing

/// The three system-wide causes each have their own banner; the journal shows in the header.
@Suite struct BannerSnapshotTests {
    @Test func assignmentServiceDown() {
        #expect(DetailCases.bannerServiceDown() == #"""
             ecetop  https://ece.example.com                        every 5s · budget 20/s · 22:13:21
             2 entry points  ✖ 1 critical  ▲ 0 warning  ● 1 ok  ? 0 unknown                   sort ID
             waiting 12 · longest wait 2m 05s (1001) · allowed 1/2 · free slots 4
             ✖ assignment service not running on 12 of 12 entry points since 22:08:03
            ╔ 1000 ═════════════════════════════════════╗┌ 1001 Sales ──────────────────────── ALERT ┐
            ║ ● OK allowed                              ║│ ✖ CRIT queue_depth_reached                │
            ║ queue 0             wait 0.0 s            ║│ queue 12            wait 2m 05s           │
            ║ slots 4             agents yes            ║│ slots 0             agents yes            │
            ║ elig  0 queue can take new chats          ║│ elig  2 queue maximum depth reached       │
            ║ ▁▅▁█                                max 2 ║│ ▂▃▅▆█                              max 12 │
            ║ data 2s old                               ║│ data 2s old                               │
            ╚═══════════════════════════════════════════╝└───────────────────────────────────────────┘

             Enter detail  / filter  s sort  p pause  r refresh  a ack  e events  ? help  q quit
            """#)
    }

    @Test func serverUnreachableWithCause() {
        #expect(DetailCases.bannerUnreachable() == #"""
             ecetop  https://ece.example.com                        every 5s · budget 20/s · 22:13:21
             2 entry points  ✖ 1 critical  ▲ 0 warning  ● 1 ok  ? 0 unknown                   sort ID
             waiting 12 · longest wait 2m 05s (1001) · allowed 1/2 · free slots 4
             ✖ server unreachable since 22:08:03: connection refused (connect(2) to 10.0.0.7:443 fail…
            ╔ 1000 ═════════════════════════════════════╗┌ 1001 Sales ──────────────────────── ALERT ┐
            ║ ● OK allowed                              ║│ ✖ CRIT queue_depth_reached                │
            ║ queue 0             wait 0.0 s            ║│ queue 12            wait 2m 05s           │
            ║ slots 4             agents yes            ║│ slots 0             agents yes            │
            ║ elig  0 queue can take new chats          ║│ elig  2 queue maximum depth reached       │
            ║ ▁▅▁█                                max 2 ║│ ▂▃▅▆█                              max 12 │
            ║ data 2s old                               ║│ data 2s old                               │
            ╚═══════════════════════════════════════════╝└───────────────────────────────────────────┘

             Enter detail  / filter  s sort  p pause  r refresh  a ack  e events  ? help  q quit
            """#)
    }

    @Test func serverAnsweringErrors() {
        #expect(DetailCases.bannerServerErrors() == #"""
             ecetop  https://ece.example.com                        every 5s · budget 20/s · 22:13:21
             2 entry points  ✖ 1 critical  ▲ 0 warning  ● 1 ok  ? 0 unknown                   sort ID
             waiting 12 · longest wait 2m 05s (1001) · allowed 1/2 · free slots 4
             ▲ server answering HTTP 500 on 11 of 12 entry points since 22:08:03
            ╔ 1000 ═════════════════════════════════════╗┌ 1001 Sales ──────────────────────── ALERT ┐
            ║ ● OK allowed                              ║│ ✖ CRIT queue_depth_reached                │
            ║ queue 0             wait 0.0 s            ║│ queue 12            wait 2m 05s           │
            ║ slots 4             agents yes            ║│ slots 0             agents yes            │
            ║ elig  0 queue can take new chats          ║│ elig  2 queue maximum depth reached       │
            ║ ▁▅▁█                                max 2 ║│ ▂▃▅▆█                              max 12 │
            ║ data 2s old                               ║│ data 2s old                               │
            ╚═══════════════════════════════════════════╝└───────────────────────────────────────────┘

             Enter detail  / filter  s sort  p pause  r refresh  a ack  e events  ? help  q quit
            """#)
    }

    @Test func recordingShowsRECAndThePath() {
        #expect(DetailCases.headerRecording() == #"""
             ecetop  https://ece.example.com                                  every 5s · budget 20/s · 22:13:21
             2 entry points  ✖ 1 critical  ▲ 0 warning  ● 1 ok  ? 0 unknown  ● REC ecetop-events.jsonl  sort ID
             waiting 12 · longest wait 2m 05s (1001) · allowed 1/2 · free slots 4 · agent available 2/2
            ╔ 1000 ══════════════════════════════════════════╗┌ 1001 Sales ───────────────────────────── ALERT ┐
            ║ ● OK allowed                                   ║│ ✖ CRIT queue_depth_reached                     │
            ║ queue 0                wait 0.0 s              ║│ queue 12               wait 2m 05s             │
            ║ slots 4                agents yes              ║│ slots 0                agents yes              │
            ║ elig  0 queue can take new chats               ║│ elig  2 queue maximum depth reached            │
            ║ ▁▅▁█                                     max 2 ║│ ▂▃▅▆█                                   max 12 │
            ║ data 2s old                                    ║│ data 2s old                                    │
            ╚════════════════════════════════════════════════╝└────────────────────────────────────────────────┘
             Enter detail  / filter  s sort  p pause  r refresh  a ack  e events  PgDn page  ? help  q quit
            """#)
    }

    @Test func journalErrorShowsInTheHeader() {
        #expect(DetailCases.headerJournalError() == #"""
             ecetop  https://ece.example.com                                  every 5s · budget 20/s · 22:13:21
             2 entry points  ✖ 1 critical  ▲ 0 warning  ● 1 ok  ? 0 unknown  ▲ journal: cannot open e…  sort ID
             waiting 12 · longest wait 2m 05s (1001) · allowed 1/2 · free slots 4 · agent available 2/2
            ╔ 1000 ══════════════════════════════════════════╗┌ 1001 Sales ───────────────────────────── ALERT ┐
            ║ ● OK allowed                                   ║│ ✖ CRIT queue_depth_reached                     │
            ║ queue 0                wait 0.0 s              ║│ queue 12               wait 2m 05s             │
            ║ slots 4                agents yes              ║│ slots 0                agents yes              │
            ║ elig  0 queue can take new chats               ║│ elig  2 queue maximum depth reached            │
            ║ ▁▅▁█                                     max 2 ║│ ▂▃▅▆█                                   max 12 │
            ║ data 2s old                                    ║│ data 2s old                                    │
            ╚════════════════════════════════════════════════╝└────────────────────────────────────────────────┘
             Enter detail  / filter  s sort  p pause  r refresh  a ack  e events  PgDn page  ? help  q quit
            """#)
    }
}
