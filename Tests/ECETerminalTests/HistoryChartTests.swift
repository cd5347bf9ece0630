@testable import ECETerminal
import Testing

/// Charts from known series: scale, bars, reason-change marks, time axis, gaps.
@Suite struct HistoryChartTests {
    @Test func triangleOverFiveMinutes() {
        #expect(DetailCases.chartFiveMinutes() == #"""
            queue depth  now 0  min 0  max 8  (5 min)  ▼ 22:1…
                                              ▼
            8│                      ▄▄███▄
             │                ▄▄▄█████████████▄▄▄
             │           ▄██████████████████████████▄▄
            0│ ▁▁▁▄▄▄▄███████████████████████████████████▄▄▄▁▁
              22:08:21                                22:13:21
            """#)
    }

    @Test func triangleInASCII() {
        #expect(DetailCases.chartAscii() == #"""
            queue depth  now 0  min 0  max 8  (5 min)  v 22:1~
                                              v
            8|                      ::###:
             |                :::#############:::
             |           :##########################::
            0| ___::::###################################:::__
              22:08:21                                22:13:21
            """#)
    }

    @Test func twoRowsKeepTitleAndOneBarRow() {
        #expect(DetailCases.chartTwoRows() == #"""
            queue depth  now 0  min 0  max 8  (5 min)  ▼ 22:1…
            8│ ▁▁▁▁▁▁▁▂▂▂▃▄▄▄▄▅▅▅▆▆▆▇▇███▇▆▆▆▆▅▅▅▄▄▄▃▃▂▂▂▁▁▁▁▁
            """#)
    }

    @Test func stoppedPollsLeaveAGap() {
        #expect(DetailCases.chartWithGap() == #"""
            queue depth  now 5  min 0  max 8  (5 mi…

            8│            ▂▂▂▄▄▆▆██▆▄▄▄▂▂▂
            0│ ▁▁▂▂▂▄▄▆▆██████████████████
              22:08:21                      22:13:21
            """#)
    }
}
