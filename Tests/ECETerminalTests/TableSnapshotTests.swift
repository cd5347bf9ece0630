@testable import ECETerminal
import Testing

/// The table view drawn by the text renderer: groups with subtotals, every state, an unknown
/// reason, stale, failing and unread rows, availability over the chart window (`TableCases.mixed`
/// gives each its figure), a forecast, and columns dropped on narrow terminals.
@Suite struct TableSnapshotTests {
    @Test func table80x24() {
        #expect(TableCases.table(width: 80, height: 24) == #"""
             ecetop  https://ece.example.com              every 5s · budget 20/s · 22:13:21
             8 EPs  ✖ 2 crit  ▲ 3 warn  ● 2 ok  ? 1 unkn  ◌ 1 stale                 sort ID
             waiting 22 · longest wait 10m 10s (1002) · 3 left out (unread or stale)
             STATE     ALERT ID   CHAT ALLOWED         QUEUE     WAIT AVAIL DATA
            ─ Sales avail 1 h 65% ──────────────────────────────────────────────────────────
            ▶● OK            1000 allowed                  2   45.0 s  100% 2s old
             ✖ CRIT    ALERT 1001 queue_depth_reached     12   2m 05s   75% 2s old
             ✖ CRIT    ack   1002 queue_depth_reached      8  10m 10s   20% 2s old
             subtotal        3    allowed 1/3             22  10m 10s   65%
            ─ Support avail 1 h 61.1% ──────────────────────────────────────────────────────
             ▲ WARN    ALERT 1003 agent_not_available      0    0.0 s   90% 2s old
             ▲ WARN    ALERT 1004 overflow_to_partner…     0    0.0 s    0% 2s old
             ◌ STALE         1005 allowed                  3   20.0 s 93.3% 40s old
             subtotal        3    allowed 0/3              0    0.0 s 61.1% 1 left out
            ─ Ungrouped avail 1 h 100% ─────────────────────────────────────────────────────
             ▲ WARN          1006 allowed                  0    0.0 s  100% ▲ capacity: HT…
             ? UNKNOWN       1007 unknown                  —        —     — no data yet
             subtotal        2    allowed 1/2              0    0.0 s  100% 2 left out





             Enter detail  / filter  s sort  p pause  r refresh  a ack  ? help  q quit
            """#)
    }

    @Test func table120x40() {
        #expect(TableCases.table(width: 120, height: 40) == #"""
             ecetop  https://ece.example.com                                                      every 5s · budget 20/s · 22:13:21
             8 entry points  ✖ 2 critical  ▲ 3 warning  ● 2 ok  ? 1 unknown  ◌ 1 stale                                      sort ID
             waiting 22 · longest wait 10m 10s (1002) · allowed 2/8 · free slots 12 · 3 left out (unread or stale)
             STATE     ALERT ID   LABEL      CHAT ALLOWED           QUEUE     WAIT AVAIL FULL IN SLOTS AGENTS ELIG DATA
            ─ Sales avail 1 h 65% ──────────────────────────────────────────────────────────────────────────────────────────────────
            ▶● OK            1000 Sales EN   allowed                    2   45.0 s  100%     ~2m     4 yes       0 2s old
             ✖ CRIT    ALERT 1001 Sales DE   queue_depth_reached       12   2m 05s   75%             0 yes       2 2s old
             ✖ CRIT    ack   1002            queue_depth_reached        8  10m 10s   20%             0 yes       2 2s old
             subtotal        3               allowed 1/3               22  10m 10s   65%     ~2m     4 3/3
            ─ Support avail 1 h 61.1% ──────────────────────────────────────────────────────────────────────────────────────────────
             ▲ WARN    ALERT 1003 Billing    agent_not_available        0    0.0 s   90%             4 no        1 2s old
             ▲ WARN    ALERT 1004            overflow_to_partner_7      0    0.0 s    0%             4 yes       0 2s old
             ◌ STALE         1005 Returns    allowed                    3   20.0 s 93.3%             4 yes       0 40s old
             subtotal        3               allowed 0/3                0    0.0 s 61.1%             8 1/3         1 left out
            ─ Ungrouped avail 1 h 100% ─────────────────────────────────────────────────────────────────────────────────────────────
             ▲ WARN          1006            allowed                    0    0.0 s  100%             4 yes       0 ▲ capacity: HTT…
             ? UNKNOWN       1007            unknown                    —        —     —             — —         — no data yet
             subtotal        2               allowed 1/2                0    0.0 s  100%             0 1/2         2 left out





















             Enter detail  / filter  s sort  p pause  r refresh  a ack  e events  PgDn page  w record  v view  ? help  q quit
            """#)
    }

    @Test func table200x60() {
        #expect(TableCases.table(width: 200, height: 60) == #"""
             ecetop  https://ece.example.com                                                                                                                                      every 5s · budget 20/s · 22:13:21
             8 entry points  ✖ 2 critical  ▲ 3 warning  ● 2 ok  ? 1 unknown  ◌ 1 stale                                                                                                                      sort ID
             waiting 22 · longest wait 10m 10s (1002) · allowed 2/8 · free slots 12 · agent available 5/8 · 3 left out (unread or stale)
             STATE     ALERT ID   LABEL                           CHAT ALLOWED                                QUEUE     WAIT AVAIL FULL IN SLOTS AGENTS ELIG QUEUE TREND      DATA
            ─ Sales avail 1 h 65% ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
            ▶● OK            1000 Sales EN                        allowed                                         2   45.0 s  100%     ~2m     4 yes       0 ▁▃█▆             2s old
             ✖ CRIT    ALERT 1001 Sales DE                        queue_depth_reached                            12   2m 05s   75%             0 yes       2 ▂▃▅▆█            2s old
             ✖ CRIT    ack   1002                                 queue_depth_reached                             8  10m 10s   20%             0 yes       2                  2s old
             subtotal        3                                    allowed 1/3                                    22  10m 10s   65%     ~2m     4 3/3
            ─ Support avail 1 h 61.1% ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
             ▲ WARN    ALERT 1003 Billing                         agent_not_available                             0    0.0 s   90%             4 no        1                  2s old
             ▲ WARN    ALERT 1004                                 overflow_to_partner_7                           0    0.0 s    0%             4 yes       0                  2s old
             ◌ STALE         1005 Returns                         allowed                                         3   20.0 s 93.3%             4 yes       0                  40s old
             subtotal        3                                    allowed 0/3                                     0    0.0 s 61.1%             8 1/3                          1 left out
            ─ Ungrouped avail 1 h 100% ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
             ▲ WARN          1006                                 allowed                                         0    0.0 s  100%             4 yes       0                  ▲ capacity: HTTP 503
             ? UNKNOWN       1007                                 unknown                                         —        —     —             — —         —                  no data yet
             subtotal        2                                    allowed 1/2                                     0    0.0 s  100%             0 1/2                          2 left out









































             Enter detail  / filter  s sort  p pause  r refresh  a ack  e events  PgDn page  w record  v view  ? help  q quit
            """#)
    }

    /// 60 columns: availability, full in, slots, agents, eligibility, trend, label and data age
    /// are gone; the group headings still give the group's availability.
    @Test func table60x16DropsColumns() {
        #expect(TableCases.table(width: 60, height: 16) == #"""
             ecetop  https://ece.exa… every 5s · budget 20/s · 22:13:21
             8 EPs  ✖ 2 crit  ▲ 3 warn  ● 2 ok  ? 1 unkn  ◌ 1 stale
             waiting 22 · 3 left out (unread or stale)
             STATE     ALERT ID   CHAT ALLOWED           QUEUE     WAIT
            ─ Sales avail 1 h 65% ──────────────────────────────────────
            ▶● OK            1000 allowed                    2   45.0 s
             ✖ CRIT    ALERT 1001 queue_depth_reached       12   2m 05s
             ✖ CRIT    ack   1002 queue_depth_reached        8  10m 10s
             subtotal        3    allowed 1/3               22  10m 10s
            ─ Support avail 1 h 61.1% ──────────────────────────────────
             ▲ WARN    ALERT 1003 agent_not_available        0    0.0 s
             ▲ WARN    ALERT 1004 overflow_to_partner_7      0    0.0 s
             ◌ STALE         1005 allowed                    3   20.0 s
             subtotal        3    allowed 0/3                0    0.0 s
            ─ Ungrouped avail 1 h 100% ─────────────────────────────────
             Enter detail  / filter  s sort  p pause  ? help  q quit
            """#)
    }
}
