@testable import ECETerminal
import Testing

/// The detail screen in each state: explanation, calls with latency percentiles and errors, charts, transitions, raw body.
@Suite struct DetailSnapshotTests {
    @Test func serviceDownWideSplitsChartsFromTransitionsAndBody() {
        #expect(DetailCases.serviceDownWide() == #"""
             ecetop  https://ece.example.com                                                      every 5s · budget 20/s · 22:13:21
             1 entry point  ✖ 1 critical  ▲ 0 warning  ● 0 ok  ? 0 unknown                                                  sort ID
             1002  Billing  [EMEA]                                           ✖ CRIT service_not_running for 4m 00s (since 22:09:21)
             service_not_running: ECE's Agent Assignment Service (AAS), which routes chats to agents, is not running.
             check: the Agent Assignment Service and its process on the services server (System console, Services); when every
               entry point says this, the service is down for all of them.
             checkEligibility 1: no agent is available for new chats on the queue.
             alerts: service_not_running (critical since 22:09:21, not acknowledged: a)
             data 2s old · next poll in 3s

             call              value                                            HTTP last    p50     p95     last ok  age     fails
             agentAvailability no agent available                               200  40 ms   11 ms   40 ms   22:13:19 2s
             capacity          0 free slots                                     200  40 ms   11 ms   40 ms   22:13:19 2s
             liveSessionStatus depth 9, wait 3m 00s                             200  40 ms   11 ms   40 ms   22:13:19 2s
             checkEligibility  1 (no agent available)                           200  40 ms   11 ms   40 ms   22:13:19 2s
             chatAllowed       not allowed: service_not_running                 200  250 ms  30 ms   250 ms  22:13:19 2s

             queue depth  now 9  min 0  max 9  (15 min)  ▼ 22:09:21 se…  transitions, newest first: 4
               ▼                                        ▼                22:10:01  eligibility: 0 (queue can take new chats) → 1 (…
             9│                                                  ▃▃▅▅██  22:09:21  alert raised: critical: service_not_running
              │                                            ▃▃▅▅████████  22:09:21  status: allowed → service_not_running
             0│                  ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▃▃▅██████████████  21:58:21  status: unknown → allowed
               21:58:21                                        22:13:21
                                                                         last response of chatAllowed: HTTP 200 · 250 ms · 163 byt…
             wait time  now 3m 00s  min 0.0 s  max 3m 00s  (15 min)  ▼…  <?xml version="1.0" encoding="UTF-8" standalone="yes" />
                    ▼                                    ▼               <chatAllowed xmlns:ns2="http://bindings.egain.com/chat" al
             3m 00s│                                             ▃▃▅▅██  lowed="false"
                   │                                        ▃▃▅▅███████  reason="service_not_running"/>
              0.0 s│                 ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▃▃▅▅████████████
                    21:58:21                                   22:13:21

             free slots  now 0  min 0  max 4  (15 min)  ▼ 22:09:21 ser…
               ▼                                        ▼
             4│                  ████████▂▂▂▂▂▂▂▂
              │                  ████████████████▄▄▄▄▄▄▄▄
             0│                  ████████████████████████▆▆▆▆▆▆▆▁▁▁▁▁▁▁
               21:58:21                                        22:13:21


             [ ] prev/next  Up/Dn call  PgUp/PgDn body  c window  r refresh  a ack  Esc back  ? help  q quit
            """#)
    }

    @Test func serviceDownNarrowStacksSections() {
        #expect(DetailCases.serviceDownNarrow() == #"""
             ecetop  https://ece.example.com              every 5s · budget 20/s · 22:13:21
             1 entry point  ✖ 1 critical  ▲ 0 warning  ● 0 ok  ? 0 unknown          sort ID
             1002  Billing  [EMEA]   ✖ CRIT service_not_running for 4m 00s (since 22:09:21)
             service_not_running: ECE's Agent Assignment Service (AAS), which routes chats
               to agents, is not running.
             check: the Agent Assignment Service and its process on the services server
               (System console, Services); when every entry point says this, the service is
               down for all of them.
             checkEligibility 1: no agent is available for new chats on the queue.
             alerts: service_not_running (critical since 22:09:21, not acknowledged: a)
             data 2s old · next poll in 3s

             call              value    HTTP last    p50     p95     last ok  age     fails
             agentAvailability no agen… 200  40 ms   11 ms   40 ms   22:13:19 2s
             capacity          0 free … 200  40 ms   11 ms   40 ms   22:13:19 2s
             liveSessionStatus depth 9… 200  40 ms   11 ms   40 ms   22:13:19 2s
             checkEligibility  1 (no a… 200  40 ms   11 ms   40 ms   22:13:19 2s
             chatAllowed       not all… 200  250 ms  30 ms   250 ms  22:13:19 2s

             queue depth  now 9  min 0  max 9  (15 min)  ▼ 22:09:21 service_not_running
               ▼                                                      ▼
             9│                         ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▂▂▂▃▃▄▄▄▄▄▅▅▅▆▆▇▇▇███
             wait time  now 3m 00s  min 0.0 s  max 3m 00s  (15 min)  ▼ 22:09:21 service_no…
                    ▼                                                   ▼
             3m 00s│                       ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▂▂▃▃▄▄▄▄▄▅▅▆▆▆▇▇███
             free slots  now 0  min 0  max 4  (15 min)  ▼ 22:09:21 service_not_running
               ▼                                                      ▼
             4│                         ██████████▆▆▆▆▆▆▆▆▆▆▆▄▄▄▄▄▄▄▄▄▄▄▂▂▂▂▂▂▂▂▂▂▁▁▁▁▁▁▁▁▁


             transitions, newest first: 4
             22:10:01  eligibility: 0 (queue can take new chats) → 1 (no agent available)
             22:09:21  alert raised: critical: service_not_running

             last response of chatAllowed: HTTP 200 · 250 ms · 163 bytes · application/xml
             <?xml version="1.0" encoding="UTF-8" standalone="yes" />
             <chatAllowed xmlns:ns2="http://bindings.egain.com/chat" allowed="false"
             reason="service_not_running"/>

             [ ] prev/next  Up/Dn call  c window  r refresh  Esc back  ? help  q quit
            """#)
    }

    @Test func tCyclesTheChartWindowToAnHour() {
        #expect(DetailCases.serviceDownHour() == #"""
             ecetop  https://ece.example.com                                                      every 5s · budget 20/s · 22:13:21
             1 entry point  ✖ 1 critical  ▲ 0 warning  ● 0 ok  ? 0 unknown                                                  sort ID
             1002  Billing  [EMEA]                                           ✖ CRIT service_not_running for 4m 00s (since 22:09:21)
             service_not_running: ECE's Agent Assignment Service (AAS), which routes chats to agents, is not running.
             check: the Agent Assignment Service and its process on the services server (System console, Services); when every
               entry point says this, the service is down for all of them.
             checkEligibility 1: no agent is available for new chats on the queue.
             alerts: service_not_running (critical since 22:09:21, not acknowledged: a)
             data 2s old · next poll in 3s

             call              value                                            HTTP last    p50     p95     last ok  age     fails
             agentAvailability no agent available                               200  40 ms   11 ms   40 ms   22:13:19 2s
             capacity          0 free slots                                     200  40 ms   11 ms   40 ms   22:13:19 2s
             liveSessionStatus depth 9, wait 3m 00s                             200  40 ms   11 ms   40 ms   22:13:19 2s
             checkEligibility  1 (no agent available)                           200  40 ms   11 ms   40 ms   22:13:19 2s
             chatAllowed       not allowed: service_not_running                 200  250 ms  30 ms   250 ms  22:13:19 2s

             queue depth  now 9  min 0  max 9  (1 h)  ▼ 22:09:21 servi…  transitions, newest first: 4
                                                         ▼         ▼     22:10:01  eligibility: 0 (queue can take new chats) → 1 (…
             9│                                                      ▃█  22:09:21  alert raised: critical: service_not_running
              │                                                     ▅██  22:09:21  status: allowed → service_not_running
             0│                                              ▁▁▁▁▁▃████  21:58:21  status: unknown → allowed
               21:13:21                                        22:13:21
                                                                         last response of chatAllowed: HTTP 200 · 250 ms · 163 byt…
             wait time  now 3m 00s  min 0.0 s  max 3m 00s  (1 h)  ▼ 22…  <?xml version="1.0" encoding="UTF-8" standalone="yes" />
                                                          ▼        ▼     <chatAllowed xmlns:ns2="http://bindings.egain.com/chat" al
             3m 00s│                                                 ▃█  lowed="false"
                   │                                                ▅██  reason="service_not_running"/>
              0.0 s│                                          ▁▁▁▁▁▅███
                    21:13:21                                   22:13:21

             free slots  now 0  min 0  max 4  (1 h)  ▼ 22:09:21 servic…
                                                         ▼         ▼
             4│                                              ██▂▂
              │                                              ████▄▄
             0│                                              ██████▆▆▁▁
               21:13:21                                        22:13:21


             [ ] prev/next  Up/Dn call  PgUp/PgDn body  c window  r refresh  a ack  Esc back  ? help  q quit
            """#)
    }

    @Test func inactiveWithRecoveredAndFailingCalls() {
        #expect(DetailCases.inactive() == #"""
             ecetop  https://ece.example.com                                  every 5s · budget 20/s · 22:13:21
             1 entry point  ✖ 0 critical  ▲ 1 warning  ● 0 ok  ? 0 unknown                              sort ID
             1001                                       ▲ WARN entry_point_inactive for 1m 15s (since 22:12:06)
             entry_point_inactive: the entry point exists but is not active, so ECE refuses chats on it.
             check: the entry point's activation in the administration console (make it active), and whether it
               was deactivated on purpose.
             checkEligibility 1: no agent is available for new chats on the queue.
             alerts: entry_point_inactive (warning since 22:12:16, not acknowledged: a)
             data 2s old

             call              value                        HTTP last    p50     p95     last ok  age     fails
             agentAvailability no agent available           200  12 ms   —       —       22:13:19 2s
             capacity          4 free slots                 200  12 ms   12 ms   12 ms   22:13:19 2s
             liveSessionStatus depth 0, wait 0.0 s          —    3.0 ms  10 ms   10 ms   22:13:15 6s      1
             checkEligibility  1 (no agent available)       200  12 ms   —       —       22:13:19 2s
             chatAllowed       not allowed: entry_point_in… 200  12 ms   —       —       22:13:19 2s
             earlier error at 22:08:21, answering again now: capacity: HTTP 503: Service Unavailable
             ▲ 22:13:20 liveSessionStatus: connection refused (connect(2) to 10.0.0.7:80 failed: Connection
                 refused (errno 111)) (1× in a row, failing since 22:13:20)

             last response of chatAllowed: HTTP 200 · 12 ms · 85 bytes · application/xml
             <?xml version="1.0"?>
             <chatAllowed allowed="false" reason="entry_point_inactive"/>






             [ ] prev/next  Up/Dn call  PgUp/PgDn body  c window  r refresh  a ack  Esc back  ? help  q quit
            """#)
    }

    @Test func availableWithNoCapacityExplainsNotRequired() {
        #expect(DetailCases.availabilityNotRequired() == #"""
             ecetop  https://ece.example.com              every 5s · budget 20/s · 22:13:21
             1 entry point  ✖ 0 critical  ▲ 0 warning  ● 1 ok  ? 0 unknown          sort ID
             1005                                                              ● OK allowed
             allowed: chatAllowed says yes: the entry point is active, an agent is
               available and its queue is below the maximum depth.
             checkEligibility 0: the queue can take new chats (an agent is available, the
               queue is below its maximum).
             note: agentAvailability is true but capacity is 0: the entry point probably
               has "agent availability not required" set, which answers true (and
               eligibility 0) with no agent logged in; check that setting and who is logged
               in.
             alerts: none
             data 2s old

             call              value    HTTP last    p50     p95     last ok  age     fails
             agentAvailability yes, ag… 200  12 ms   —       —       22:13:19 2s
             capacity          0 free … 200  12 ms   —       —       22:13:19 2s
             liveSessionStatus depth 0… 200  12 ms   —       —       22:13:19 2s
             checkEligibility  0 (queu… 200  12 ms   —       —       22:13:19 2s
             chatAllowed       allowed  200  12 ms   —       —       22:13:19 2s

             last response of chatAllowed: HTTP 200 · lines 1–1 of 2 (PgUp/PgDn) · 12 ms ·…
             <?xml version="1.0"?>
             [ ] prev/next  Up/Dn call  c window  r refresh  Esc back  ? help  q quit
            """#)
    }

    @Test func pageDownScrollsTheBody() {
        #expect(DetailCases.bodyScrolled() == #"""
             ecetop  https://ece.example.com              every 5s · budget 20/s · 22:13:21
             1 entry point  ✖ 0 critical  ▲ 0 warning  ● 1 ok  ? 0 unknown          sort ID
             1003                                                              ● OK allowed
             allowed: chatAllowed says yes: the entry point is active, an agent is
               available and its queue is below the maximum depth.
             checkEligibility 0: the queue can take new chats (an agent is available, the
               queue is below its maximum).
             alerts: none
             data 2s old

             call              value    HTTP last    p50     p95     last ok  age     fails
             agentAvailability yes, ag… 200  12 ms   —       —       22:13:19 2s
             capacity          4 free … 200  12 ms   —       —       22:13:19 2s
             liveSessionStatus depth 0… 200  12 ms   —       —       22:13:19 2s
             checkEligibility  0 (queu… 200  12 ms   —       —       22:13:19 2s
             chatAllowed       allowed  200  12 ms   —       —       22:13:19 2s

             queue depth  now —  (15 min)
               no samples in the last 15 min
             wait time  now —  (15 min)
               no samples in the last 15 min
             free slots  now —  (15 min)
               no samples in the last 15 min

             last response of chatAllowed: HTTP 200 · lines 11–14 of 60 (PgUp/PgDn) · 12 m…
             <line n="11"/>
             <line n="12"/>
             <line n="13"/>
             <line n="14"/>
             [ ] prev/next  Up/Dn call  c window  r refresh  Esc back  ? help  q quit
            """#)
    }

    @Test func endShowsTheLastPageOfTheBody() {
        #expect(DetailCases.bodyAtEnd() == #"""
             ecetop  https://ece.example.com              every 5s · budget 20/s · 22:13:21
             1 entry point  ✖ 0 critical  ▲ 0 warning  ● 1 ok  ? 0 unknown          sort ID
             1003                                                              ● OK allowed
             allowed: chatAllowed says yes: the entry point is active, an agent is
               available and its queue is below the maximum depth.
             checkEligibility 0: the queue can take new chats (an agent is available, the
               queue is below its maximum).
             alerts: none
             data 2s old

             call              value    HTTP last    p50     p95     last ok  age     fails
             agentAvailability yes, ag… 200  12 ms   —       —       22:13:19 2s
             capacity          4 free … 200  12 ms   —       —       22:13:19 2s
             liveSessionStatus depth 0… 200  12 ms   —       —       22:13:19 2s
             checkEligibility  0 (queu… 200  12 ms   —       —       22:13:19 2s
             chatAllowed       allowed  200  12 ms   —       —       22:13:19 2s

             queue depth  now —  (15 min)
               no samples in the last 15 min
             wait time  now —  (15 min)
               no samples in the last 15 min
             free slots  now —  (15 min)
               no samples in the last 15 min

             last response of chatAllowed: HTTP 200 · lines 57–60 of 60 (PgUp/PgDn) · 12 m…
             <line n="57"/>
             <line n="58"/>
             <line n="59"/>
             <line n="60"/>
             [ ] prev/next  Up/Dn call  c window  r refresh  Esc back  ? help  q quit
            """#)
    }

    @Test func asciiGlyphs() {
        #expect(DetailCases.asciiDetail() == #"""
             ecetop  https://ece.example.com              every 5s | budget 20/s | 22:13:21
             1 entry point  X 1 critical  ! 0 warning  o 0 ok  ? 0 unknown          sort ID
             1002  Billing  [EMEA]   X CRIT service_not_running for 4m 00s (since 22:09:21)
             service_not_running: ECE's Agent Assignment Service (AAS), which routes chats
               to agents, is not running.
             check: the Agent Assignment Service and its process on the services server
               (System console, Services); when every entry point says this, the service is
               down for all of them.
             checkEligibility 1: no agent is available for new chats on the queue.
             alerts: service_not_running (critical since 22:09:21, not acknowledged: a)
             data 2s old | next poll in 3s

             call              value    HTTP last    p50     p95     last ok  age     fails
             agentAvailability no agen… 200  40 ms   11 ms   40 ms   22:13:19 2s
             capacity          0 free … 200  40 ms   11 ms   40 ms   22:13:19 2s
             liveSessionStatus depth 9… 200  40 ms   11 ms   40 ms   22:13:19 2s
             checkEligibility  1 (no a… 200  40 ms   11 ms   40 ms   22:13:19 2s
             chatAllowed       not all… 200  250 ms  30 ms   250 ms  22:13:19 2s

             queue depth  now 9  min 0  max 9  (15 min)  v 22:09:21 service_not_running
               v                                                      v
             9|                         ______________________________...--:::::===++***###
             wait time  now 3m 00s  min 0.0 s  max 3m 00s  (15 min)  v 22:09:21 service_no~
                    v                                                   v
             3m 00s|                       _____________________________..--:::::==+++**###
             free slots  now 0  min 0  max 4  (15 min)  v 22:09:21 service_not_running
               v                                                      v
             4|                         ##########+++++++++++:::::::::::.........._________


             transitions, newest first: 4
             22:10:01  eligibility: 0 (queue can take new chats) -> 1 (no agent available)
             22:09:21  alert raised: critical: service_not_running

             last response of chatAllowed: HTTP 200 | 250 ms | 163 bytes | application/xml
             <?xml version="1.0" encoding="UTF-8" standalone="yes" />
             <chatAllowed xmlns:ns2="http://bindings.egain.com/chat" allowed="false"
             reason="service_not_running"/>

             [ ] prev/next  Up/Dn call  c window  r refresh  Esc back  ? help  q quit
            """#)
    }
}
