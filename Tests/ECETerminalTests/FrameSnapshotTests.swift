@testable import ECETerminal
import Testing

/// Whole screens drawn by the text renderer: grids, pages, overlays, detail, notices.
@Suite struct FrameSnapshotTests {
    @Test func grid80x24() {
        #expect(FrameCases.grid80() == #"""
             ecetop  https://ece.example.com              every 5s · budget 20/s · 22:13:21
             12 EPs  ✖ 3 crit  ▲ 2 warn  ● 7 ok  ? 0 unkn                sort ID · page 1/3
             waiting 44 · longest wait 2m 05s (1001) · allowed 7/12 · free slots 36
            ╔ 1000 ════════════════════════════════╗┌ 1001 Sales ─────────────────── ALERT ┐
            ║ ● OK allowed                         ║│ ✖ CRIT queue_depth_reached           │
            ║ queue 0           wait 0.0 s         ║│ queue 12          wait 2m 05s        │
            ║ slots 4           agents yes         ║│ slots 0           agents yes         │
            ║ elig  0 queue can take new chats     ║│ elig  2 queue maximum depth reached  │
            ║ ▁▅▁█                           max 2 ║│ ▂▃▅▆█                         max 12 │
            ║ data 2s old                          ║│ data 2s old                          │
            ╚══════════════════════════════════════╝└──────────────────────────────────────┘
            ┌ 1002 ───────────────────────── ALERT ┐┌ 1003 Support ────────────────────────┐
            │ ▲ WARN agent_not_available           ││ ● OK allowed                         │
            │ queue 0           wait 0.0 s         ││ queue 2           wait 3.0 s         │
            │ slots 4           agents no          ││ slots 4           agents yes         │
            │ elig  1 no agent available           ││ elig  0 queue can take new chats     │
            │ no queue history yet                 ││ ▁▅█                            max 2 │
            │ data 2s old                          ││ data 2s old                          │
            └──────────────────────────────────────┘└──────────────────────────────────────┘




             Enter detail  / filter  s sort  p pause  r refresh  a ack  ? help  q quit
            """#)
    }

    /// Five columns; paused, demo tag, stretched interval and a diagnosis banner.
    /// The demo's server is the embedded simulator's API under the demo URL: named once.
    @Test func demoHeaderNamesTheSimulatorOnce() {
        var snapshot = Fixtures.snapshot([Fixtures.entryPoint(1000)])
        snapshot.server = "http://127.0.0.1:8080/system/egain/chat/entrypoint"
        let frame = Fixtures.frame(DashboardState(), snapshot, width: 200, height: 20, demoURL: "http://127.0.0.1:8080")
        let header = String(frame.split(separator: "\n").first ?? "")
        #expect(header.contains("DEMO http://127.0.0.1:8080"))
        #expect(!header.contains("/system/egain"))
    }

    @Test func grid200x60() {
        #expect(FrameCases.grid200() == #"""
             ecetop  DEMO http://127.0.0.1:8080  https://ece.example.com                                                                                PAUSED every 3s (asked 2s, budget) · budget 20/s · 22:13:21
             12 entry points  ✖ 3 critical  ▲ 2 warning  ● 7 ok  ? 0 unknown                                                                                                                                sort ID
             waiting 44 · longest wait 2m 05s (1001) · allowed 7/12 · free slots 36 · agent available 10/12
             ✖ assignment service not running on 3 of 12 entry points since 22:08:21
            ╔ 1000 ════════════════════════════════╗┌ 1001 Sales ─────────────────── ALERT ┐┌ 1002 ───────────────────────── ALERT ┐┌ 1003 Support ────────────────────────┐┌ 1004 ────────────────────────────────┐
            ║ ● OK allowed                         ║│ ✖ CRIT queue_depth_reached           ││ ▲ WARN agent_not_available           ││ ● OK allowed                         ││ ● OK allowed                         │
            ║ queue 0           wait 0.0 s         ║│ queue 12          wait 2m 05s        ││ queue 0           wait 0.0 s         ││ queue 2           wait 3.0 s         ││ queue 1           wait 4.0 s         │
            ║ slots 4           agents yes         ║│ slots 0           agents yes         ││ slots 4           agents no          ││ slots 4           agents yes         ││ slots 4           agents yes         │
            ║ elig  0 queue can take new chats     ║│ elig  2 queue maximum depth reached  ││ elig  1 no agent available           ││ elig  0 queue can take new chats     ││ elig  0 queue can take new chats     │
            ║ ▁▅▁█                           max 2 ║│ ▂▃▅▆█                         max 12 ││ no queue history yet                 ││ ▁▅█                            max 2 ││ ▁▅▁█                           max 2 │
            ║ data 2s old                          ║│ data 2s old                          ││ data 2s old                          ││ data 2s old                          ││ data 2s old                          │
            ╚══════════════════════════════════════╝└──────────────────────────────────────┘└──────────────────────────────────────┘└──────────────────────────────────────┘└──────────────────────────────────────┘
            ┌ 1005 ────────────────────────────────┐┌ 1006 Sales ─────────────────── ALERT ┐┌ 1007 ───────────────────────── ALERT ┐┌ 1008 Support ────────────────────────┐┌ 1009 ────────────────────────────────┐
            │ ● OK allowed                         ││ ✖ CRIT queue_depth_reached           ││ ▲ WARN agent_not_available           ││ ● OK allowed                         ││ ● OK allowed                         │
            │ queue 2           wait 5.0 s         ││ queue 12          wait 2m 05s        ││ queue 0           wait 0.0 s         ││ queue 2           wait 3.0 s         ││ queue 0           wait 9.0 s         │
            │ slots 4           agents yes         ││ slots 0           agents yes         ││ slots 4           agents no          ││ slots 4           agents yes         ││ slots 4           agents yes         │
            │ elig  0 queue can take new chats     ││ elig  2 queue maximum depth reached  ││ elig  1 no agent available           ││ elig  0 queue can take new chats     ││ elig  0 queue can take new chats     │
            │ ▁▅▁█                           max 2 ││ ▂▃▅▆█                         max 12 ││ no queue history yet                 ││ ▁▅█                            max 2 ││ ▁▅▁█                           max 2 │
            │ data 2s old                          ││ data 2s old                          ││ data 2s old                          ││ data 2s old                          ││ data 2s old                          │
            └──────────────────────────────────────┘└──────────────────────────────────────┘└──────────────────────────────────────┘└──────────────────────────────────────┘└──────────────────────────────────────┘
            ┌ 1010 ────────────────────────────────┐┌ 1011 Sales ─────────────────── ALERT ┐
            │ ● OK allowed                         ││ ✖ CRIT queue_depth_reached           │
            │ queue 1           wait 10.0 s        ││ queue 12          wait 2m 05s        │
            │ slots 4           agents yes         ││ slots 0           agents yes         │
            │ elig  0 queue can take new chats     ││ elig  2 queue maximum depth reached  │
            │ ▁▅▁█                           max 2 ││ ▂▃▅▆█                         max 12 │
            │ data 2s old                          ││ data 2s old                          │
            └──────────────────────────────────────┘└──────────────────────────────────────┘































             Enter detail  / filter  s sort  p pause  r refresh  a ack  e events  PgDn page  w record  v view  ? help  q quit
            """#)
    }

    @Test func secondPage() {
        #expect(FrameCases.page2() == #"""
             ecetop  https://ece.example.com              every 5s · budget 20/s · 22:13:21
             12 EPs  ✖ 3 crit  ▲ 2 warn  ● 7 ok  ? 0 unkn                sort ID · page 2/3
             waiting 44 · longest wait 2m 05s (1001) · allowed 7/12 · free slots 36
            ╔ 1004 ════════════════════════════════╗┌ 1005 ────────────────────────────────┐
            ║ ● OK allowed                         ║│ ● OK allowed                         │
            ║ queue 1           wait 4.0 s         ║│ queue 2           wait 5.0 s         │
            ║ slots 4           agents yes         ║│ slots 4           agents yes         │
            ║ elig  0 queue can take new chats     ║│ elig  0 queue can take new chats     │
            ║ ▁▅▁█                           max 2 ║│ ▁▅▁█                           max 2 │
            ║ data 2s old                          ║│ data 2s old                          │
            ╚══════════════════════════════════════╝└──────────────────────────────────────┘
            ┌ 1006 Sales ─────────────────── ALERT ┐┌ 1007 ───────────────────────── ALERT ┐
            │ ✖ CRIT queue_depth_reached           ││ ▲ WARN agent_not_available           │
            │ queue 12          wait 2m 05s        ││ queue 0           wait 0.0 s         │
            │ slots 0           agents yes         ││ slots 4           agents no          │
            │ elig  2 queue maximum depth reached  ││ elig  1 no agent available           │
            │ ▂▃▅▆█                         max 12 ││ no queue history yet                 │
            │ data 2s old                          ││ data 2s old                          │
            └──────────────────────────────────────┘└──────────────────────────────────────┘




             Enter detail  / filter  s sort  p pause  r refresh  a ack  ? help  q quit
            """#)
    }

    @Test func helpOverlay() {
        #expect(FrameCases.help() == #"""
             ecetop  https://ece.example.com              every 5s · budget 20/s · 22:13:21
             12 EPs  ✖ 3 crit  ▲ 2 warn  ● 7 ok  ? 0 unkn                sort ID · page 1/3
             waiting 44 · longest wait 2m 05s (1001) · allowed 7/12 · free slots 36
            ┌─ Help ───────────────────────────────────────────────────────────────────────┐
            │ ● OK  ▲ WARN  ✖ CRIT  ? UNKNOWN  ◌ STALE                                     │
            │ Red panels flash until their alerts are acknowledged (a).                    │
            │ The status line spells chatAllowed's reason as the API does.                 │
            │                                                                              │
            │ Everywhere                                                                   │
            │ q  Ctrl-C           quit (restores the terminal)                             │
            │ ?                   this help                                                │
            │ p  Space            pause or resume polling (a replay: playing)              │
            │ +  -                poll less / more often (1s 2s 3s 5s 10s … 5m)            │
            │ e                   event log, newest first (again: back)                    │
            │ w                   record events to a JSON-lines file (again: stop)         │
            │ W                   wall mode: big digits for a screen on a wall (again: gr… │
            │ t                   next colour theme (ecetop themes lists them)             │
            │                                                                              │
            │ Grid and table                                                               │
            │ v                   table (a row per entry point) or grid of panels          │
            │ arrows  hjkl        move the selection                                       │
            │ Home  End  g  G     first / last entry point                                 │
            └────────────────────────────────────────────────────────────────── more: Down ┘
             Up/Dn scroll  Esc close help  q quit
            """#)
    }

    @Test func helpOverlayScrolled() {
        #expect(FrameCases.helpScrolled() == #"""
             ecetop  https://ece.example.com                                  every 5s · budget 20/s · 22:13:21
             12 entry points  ✖ 3 critical  ▲ 2 warning  ● 7 ok  ? 0 unknown                 sort ID · page 1/2
             waiting 44 · longest wait 2m 05s (1001) · allowed 7/12 · free slots 36 · agent available 10/12
            ╔ 1000 ══┌─ Help ─────────────────────────────────────────────────────────────────────────┐─ ALERT ┐
            ║ ● OK al│                                                                                │        │
            ║ queue 0│ Filter                                                                         │        │
            ║ slots 4│ typing  Backspace   edit the filter                                            │        │
            ║ elig  0│ Enter               apply it                                                   │        │
            ║ ▁▅▁█   │ Esc                 clear it                                                   │ max 12 │
            ║ data 2s│ Ctrl-C              quit                                                       │        │
            ╚════════│                                                                                │────────┘
            ┌ 1002 ──│ Detail                                                                         │────────┐
            │ ▲ WARN │ Left Right [ ] h l  previous / next entry point                                │        │
            │ queue 0│ Up Down  k  j       choose the call whose response is shown                    │        │
            │ slots 4│ PgUp PgDn  Home End scroll the raw response body                               │        │
            │ elig  1│ c  1  2  3          chart window: cycle, 5 min, 15 min, 1 h                    │        │
            │ no queu│ r                   refresh this entry point now                               │  max 2 │
            │ data 2s│ a                   acknowledge this entry point's alerts                      │        │
            └────────│ Esc  Backspace      back to the grid                                           │────────┘
            ┌ 1004 ──│                                                                                │────────┐
            │ ● OK al│ Event log                                                                      │        │
            │ queue 1│ Up Down  k  j       scroll                                                     │        │
            │ slots 4│ PgUp  PgDn          a page up / down                                           │        │
            │ elig  0│ Home End  g  G      newest / oldest                                            │        │
            │ ▁▅▁█   │ /                   filter by entry point, call or text                        │  max 2 │
            │ data 2s│ Esc  Backspace      clear the filter, then back                                │        │
            └────────│                                                                                │────────┘
            ┌ 1006 Sa│ This help                                                                      │─ ALERT ┐
            │ ✖ CRIT │ Up Down  k  j       scroll                                                     │        │
            │ queue 1│ PgUp  PgDn          a page up / down                                           │        │
            │ slots 0│ Esc  Backspace      close it                                                   │        │
            │ elig  2│ Enter  ?            close it                                                   │        │
            │ ▂▃▅▆█  │ q  Ctrl-C           quit                                                       │        │
            │ data 2s│                                                                                │        │
            └────────│ Replay (ecetop replay)                                                         │────────┘
                     │ +  -                play faster / slower (¼× … 1024×)                          │
                     │ .  ,                forward / back 10 seconds                                  │
                     │ >  <                forward / back 1 minute                                    │
                     └────────────────────────────────────────────────────────────────────────────────┘
             Up/Dn scroll  Esc close help  q quit
            """#)
    }

    @Test func tooSmallNotice() {
        #expect(FrameCases.tooSmall() == #"""





                terminal too small (need 40×12)
                      now 39×12 · q quits





            """#)
    }

    @Test func tooSmallNoticeWrapsOnNarrowScreens() {
        #expect(FrameCases.tooSmallNarrow() == #"""
              terminal too
              small (need
                 40×12)
              now 16×6 · q
                 quits

            """#)
    }

    @Test func detailOfFailingEntryPoint() {
        #expect(FrameCases.detail() == #"""
             ecetop  https://ece.example.com                                  every 5s · budget 20/s · 22:13:21
             1 entry point  ✖ 0 critical  ▲ 1 warning  ● 0 ok  ? 0 unknown                              sort ID
             1004  Billing                                                                       ▲ WARN allowed
             allowed: chatAllowed says yes: the entry point is active, an agent is available and its queue is
               below the maximum depth.
             checkEligibility 0: the queue can take new chats (an agent is available, the queue is below its
               maximum).
             alerts: none
             data 40s old · next poll in 3s

             call              value                        HTTP last    p50     p95     last ok  age     fails
             agentAvailability yes, agents available        200  12 ms   —       —       22:12:41 40s
             capacity          4 free slots                 200  12 ms   —       —       22:12:41 40s
             liveSessionStatus depth 0, wait 0.0 s          500  12 ms   —       —       22:12:41 40s     3
             checkEligibility  0 (queue can take new chats) 200  12 ms   —       —       22:12:41 40s
             chatAllowed       allowed                      200  12 ms   —       —       22:12:41 40s
             ▲ 22:13:20 liveSessionStatus: HTTP 500 (3× in a row, failing since 22:12:51)

             queue depth  now 6  min 0  max 6  (15 min)
             6│                                                                                             ▁▅█
             wait time  now 1m 00s  min 0.0 s  max 1m 00s  (15 min)
             1m 00s│                                                                                        ▁▅█
             free slots  now —  (15 min)
               no samples in the last 15 min
             last response of liveSessionStatus: HTTP 500 · 12 ms · 25 bytes · application/xml
             <error>\x1B[31mboom\x07</error>



             [ ] prev/next  Up/Dn call  PgUp/PgDn body  c window  r refresh  a ack  Esc back  ? help  q quit
            """#)
    }

    @Test func detailOfCriticalEntryPoint() {
        #expect(FrameCases.detailCritical() == #"""
             ecetop  https://ece.example.com              every 5s · budget 20/s · 22:13:21
             1 entry point  ✖ 1 critical  ▲ 0 warning  ● 0 ok  ? 0 unknown          sort ID
             1001                                                ✖ CRIT queue_depth_reached
             queue_depth_reached: the queue behind the entry point holds its configured
               maximum of waiting chats; ECE refuses new ones until it drains.
             check: agents logged in and available on the queue, their concurrent task
               limit (capacity), and the queue's maximum depth.
             checkEligibility 2: the queue's maximum depth is reached; no new chats will be
               processed.
             alerts: queue_depth_reached (critical since 22:12:16, not acknowledged: a)
             data 2s old

             call              value    HTTP last    p50     p95     last ok  age     fails
             agentAvailability no agen… 200  12 ms   —       —       22:13:19 2s
             capacity          0 free … 200  12 ms   —       —       22:13:19 2s
             liveSessionStatus depth 2… 200  12 ms   —       —       22:13:19 2s
             checkEligibility  2 (queu… 200  12 ms   —       —       22:13:19 2s
             chatAllowed       not all… 200  12 ms   —       —       22:13:19 2s

             last response of chatAllowed: HTTP 200 · 12 ms · 84 bytes · application/xml
             <?xml version="1.0"?>
             <chatAllowed allowed="false" reason="queue_depth_reached"/>

             [ ] prev/next  Up/Dn call  c window  r refresh  Esc back  ? help  q quit
            """#)
    }

    @Test func eventLogNewestFirst() {
        #expect(FrameCases.eventLog() == #"""
             ecetop  https://ece.example.com              every 5s · budget 20/s · 22:13:21
             3 entry points  ✖ 1 critical  ▲ 1 warning  ● 1 ok  ? 0 unknown         sort ID
             event log, newest first: 12 events · 2–9
             22:13:01  1001   status: allowed → queue_depth_reached
             22:12:51  1000   error started: capacity: HTTP 503
             22:12:41  1002   status: allowed → queue_depth_reached
             22:12:31  1001   error started: capacity: HTTP 503
             22:12:21  1000   status: allowed → queue_depth_reached
             22:12:11  1002   error started: capacity: HTTP 503
             22:12:01  1001   status: allowed → queue_depth_reached
             22:11:51  1000   error started: capacity: HTTP 503
             Up/Dn scroll  PgUp/PgDn page  / filter  w record  Esc back  ? help  q quit
            """#)
    }

    @Test func filterBeingTyped() {
        #expect(FrameCases.filterEditing() == #"""
             ecetop  https://ece.example.com              every 5s · budget 20/s · 22:13:21
             12 EPs  ✖ 3 crit  ▲ 2 warn  ● 7 ok  ? 0 unkn                sort ID · page 1/3
             waiting 44 · longest wait 2m 05s (1001) · allowed 7/12 · free slots 36
            ╔ 1000 ════════════════════════════════╗┌ 1001 Sales ─────────────────── ALERT ┐
            ║ ● OK allowed                         ║│ ✖ CRIT queue_depth_reached           │
            ║ queue 0           wait 0.0 s         ║│ queue 12          wait 2m 05s        │
            ║ slots 4           agents yes         ║│ slots 0           agents yes         │
            ║ elig  0 queue can take new chats     ║│ elig  2 queue maximum depth reached  │
            ║ ▁▅▁█                           max 2 ║│ ▂▃▅▆█                         max 12 │
            ║ data 2s old                          ║│ data 2s old                          │
            ╚══════════════════════════════════════╝└──────────────────────────────────────┘
            ┌ 1002 ───────────────────────── ALERT ┐┌ 1003 Support ────────────────────────┐
            │ ▲ WARN agent_not_available           ││ ● OK allowed                         │
            │ queue 0           wait 0.0 s         ││ queue 2           wait 3.0 s         │
            │ slots 4           agents no          ││ slots 4           agents yes         │
            │ elig  1 no agent available           ││ elig  0 queue can take new chats     │
            │ no queue history yet                 ││ ▁▅█                            max 2 │
            │ data 2s old                          ││ data 2s old                          │
            └──────────────────────────────────────┘└──────────────────────────────────────┘




             filter: Sal▏  Enter apply  Esc clear
            """#)
    }

    @Test func filterApplied() {
        #expect(FrameCases.filterApplied() == #"""
             ecetop  https://ece.example.com              every 5s · budget 20/s · 22:13:21
             12 EPs  ✖ 3 crit  ▲ 2 warn  ● 7 ok  ? 0 unkn      sort ID · filter "queu" 3/12
             waiting 44 · longest wait 2m 05s (1001) · allowed 7/12 · free slots 36
            ╔ 1001 Sales ═══════════════════ ALERT ╗┌ 1006 Sales ─────────────────── ALERT ┐
            ║ ✖ CRIT queue_depth_reached           ║│ ✖ CRIT queue_depth_reached           │
            ║ queue 12          wait 2m 05s        ║│ queue 12          wait 2m 05s        │
            ║ slots 0           agents yes         ║│ slots 0           agents yes         │
            ║ elig  2 queue maximum depth reached  ║│ elig  2 queue maximum depth reached  │
            ║ ▂▃▅▆█                         max 12 ║│ ▂▃▅▆█                         max 12 │
            ║ data 2s old                          ║│ data 2s old                          │
            ╚══════════════════════════════════════╝└──────────────────────────────────────┘
            ┌ 1011 Sales ─────────────────── ALERT ┐
            │ ✖ CRIT queue_depth_reached           │
            │ queue 12          wait 2m 05s        │
            │ slots 0           agents yes         │
            │ elig  2 queue maximum depth reached  │
            │ ▂▃▅▆█                         max 12 │
            │ data 2s old                          │
            └──────────────────────────────────────┘




             Enter detail  / filter  s sort  p pause  r refresh  a ack  ? help  q quit
            """#)
    }

    @Test func waitingForFirstSnapshot() {
        #expect(FrameCases.waiting() == #"""
             ecetop                                            22:13:21






                            waiting for the first poll…





             Enter detail  / filter  s sort  p pause  ? help  q quit
            """#)
    }

    @Test func plainTextDumpForNonTerminals() {
        var configuration = TerminalConfiguration(clockZone: Fixtures.clock.zone)
        // `auto`: twelve panels do not fit 80×24, so the dump is the table.
        let table = DashboardView.plainText(snapshot: FrameCases.grid, size: ScreenSize(width: 80, height: 24),
                                            now: Fixtures.now, configuration: configuration)
        #expect(table.contains(" STATE     ALERT ID   CHAT ALLOWED"))
        configuration.viewMode = .grid
        let text = DashboardView.plainText(snapshot: FrameCases.grid, size: ScreenSize(width: 80, height: 24),
                                           now: Fixtures.now, configuration: configuration)
        #expect(text == FrameCases.grid80())
    }
}
