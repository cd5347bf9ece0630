import ECECommon
import Testing

@Suite struct DurationTextTests {
    @Test func waitTimes() {
        #expect(DurationText.wait(seconds: 3) == "3.0 s")
        #expect(DurationText.wait(seconds: 59.94) == "59.9 s")
        #expect(DurationText.wait(seconds: 125) == "2m 05s")
        #expect(DurationText.wait(seconds: 3720) == "1h 02m")
        #expect(DurationText.wait(seconds: .infinity) == "inf s")
    }

    @Test func intervals() {
        #expect(DurationText.interval(.milliseconds(500)) == "500ms")
        #expect(DurationText.interval(.milliseconds(2500)) == "2.5s")
        #expect(DurationText.interval(.seconds(5)) == "5s")
        #expect(DurationText.interval(.seconds(120)) == "2m")
        #expect(DurationText.interval(.seconds(90)) == "1m 30s")
    }

    @Test func secondsOfADuration() {
        #expect(Duration.milliseconds(1500).inSeconds == 1.5)
        #expect(Duration.seconds(-2).inSeconds == -2)
    }
}
