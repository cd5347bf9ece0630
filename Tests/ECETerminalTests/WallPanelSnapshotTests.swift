import ECEChat
import ECEMonitor
@testable import ECETerminal
import Foundation
import Testing

/// Wall panels in every state, drawn by the text renderer at their layout sizes.
@Suite struct WallPanelSnapshotTests {
    static func buffer(_ entryPoint: EntryPointSnapshot, size: WallLayout.PanelSize = .large, width: Int? = nil,
                       now: Date = Fixtures.now, glyphs: GlyphSet = .unicode) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width ?? size.minimumWidth, height: size.height)
        WallPanelView(entryPoint: entryPoint, size: size)
            .draw(into: &buffer, rect: buffer.bounds, context: Fixtures.context(now: now, glyphs: glyphs))
        return buffer
    }

    static func render(_ entryPoint: EntryPointSnapshot, size: WallLayout.PanelSize = .large, glyphs: GlyphSet = .unicode) -> String {
        PlainTextRenderer().render(buffer(entryPoint, size: size, glyphs: glyphs))
    }

    @Test func ok() {
        #expect(Self.render(PanelCases.allowed) == #"""
            ┌ 1000 Sales ──────────────────────────┐
            │            ● OK  allowed             │
            │     QUEUE            WAIT m:ss       │
            │      ███           ███    █  ███     │
            │        █           █ █ █ ██    █     │
            │      ███           █ █    █  ███     │
            │        █           █ █ █  █    █     │
            │      ███           ███   ███ ███     │
            └──────────────────────────────────────┘
            """#)
    }

    @Test func warning() {
        #expect(Self.render(PanelCases.reason(.agentNotAvailable)) == #"""
            ┌ 1001 ───────────────────────── ALERT ┐
            │     ▲ WARN  agent_not_available      │
            │     QUEUE            WAIT h:mm       │
            │    ███ ███          █    ███ ███     │
            │      █ █ █         ██  █ █ █   █     │
            │    ███ █ █          █    █ █ ███     │
            │    █   █ █          █  █ █ █ █       │
            │    ███ ███         ███   ███ ███     │
            └──────────────────────────────────────┘
            """#)
    }

    @Test func critical() {
        let billing = Fixtures.entryPoint(1010, label: "Billing", reason: .queueDepthReached, depth: 7, wait: 95)
        #expect(Self.render(billing) == #"""
            ┌ 1010 Billing ───────────────── ALERT ┐
            │     ✖ CRIT  queue_depth_reached      │
            │     QUEUE            WAIT m:ss       │
            │      ███            █    ███ ███     │
            │        █           ██  █   █ █       │
            │        █            █    ███ ███     │
            │        █            █  █   █   █     │
            │        █           ███   ███ ███     │
            └──────────────────────────────────────┘
            """#)
    }

    @Test func stale() {
        #expect(Self.render(PanelCases.stale) == #"""
            ┌ 1003 ────────────────────────────────┐
            │           ◌ STALE  allowed           │
            │     QUEUE            WAIT m:ss       │
            │      ███           ███   ███ ███     │
            │      █ █           █ █ █ █ █ █ █     │
            │      █ █           █ █   █ █ █ █     │
            │      █ █           █ █ █ █ █ █ █     │
            │      ███           ███   ███ ███     │
            └──────────────────────────────────────┘
            """#)
    }

    @Test func threeRowDigits() {
        #expect(Self.render(PanelCases.allowed, size: .small) == #"""
            ┌ 1000 Sales ──────────────────────┐
            │          ● OK  allowed           │
            │    QUEUE          WAIT m:ss      │
            │     ▀▀█         █▀█ ▄ ▄█  ▀▀█    │
            │     ▀▀█         █ █ ▄  █  ▀▀█    │
            │     ▀▀▀         ▀▀▀   ▀▀▀ ▀▀▀    │
            └──────────────────────────────────┘
            """#)
    }

    @Test func asciiGlyphs() {
        #expect(Self.render(PanelCases.allowed, size: .small, glyphs: .ascii) == #"""
            + 1000 Sales ----------------------+
            |          o OK  allowed           |
            |    QUEUE          WAIT m:ss      |
            |      _           _         _     |
            |      _|         | | .   |  _|    |
            |      _|         |_| .   |  _|    |
            +----------------------------------+
            """#)
    }

    @Test func textOnlyWhenNoRoomForDigits() {
        #expect(Self.render(PanelCases.allowed, size: .text) == #"""
            ┌ 1000 Sales ──────────┐
            │    ● OK  allowed     │
            │ queue 3   wait 12.5… │
            └──────────────────────┘
            """#)
    }

    @Test func statusBarIsSolidInTheStateColour() {
        let roles = PlainTextRenderer().roles(Self.buffer(PanelCases.reason(.queueDepthReached)))
        // Critical frames are red too, so the whole row is.
        #expect(roles[1] == String(repeating: "C", count: 40))
        #expect(Self.buffer(PanelCases.reason(.queueDepthReached))[5, 1].style.attributes.contains(.reverse))
        // The reached queue depth is drawn in the state's colour, the wait in plain text.
        #expect(roles[4].contains("C"))
        #expect(PlainTextRenderer().roles(Self.buffer(PanelCases.stale))[1].dropFirst().dropLast().allSatisfy { $0 == "s" })
    }

    @Test func unacknowledgedCriticalFlashesTheWholePanelOnEvenSeconds() {
        let even = Fixtures.now.addingTimeInterval(1)
        let flashing = PlainTextRenderer().roles(Self.buffer(PanelCases.reason(.queueDepthReached), now: even))
        #expect(flashing.allSatisfy { $0.allSatisfy { $0 == "X" } })
        // The steady phase, an acknowledged alert and a warning do not flash.
        let steady = PlainTextRenderer().roles(Self.buffer(PanelCases.reason(.queueDepthReached)))
        #expect(!steady.joined().contains("X"))
        let acknowledged = PlainTextRenderer().roles(Self.buffer(PanelCases.acknowledged, now: even))
        #expect(!acknowledged.joined().contains("X"))
        let warning = PlainTextRenderer().roles(Self.buffer(PanelCases.reason(.agentNotAvailable), now: even))
        #expect(!warning.joined().contains("X"))
    }

    @Test func waitDigitsCarryTheirUnit() {
        #expect(WallPanelView.waitDigits(seconds: nil) == ("WAIT", "-"))
        #expect(WallPanelView.waitDigits(seconds: 12.5) == ("WAIT m:ss", "0:13"))
        #expect(WallPanelView.waitDigits(seconds: 125) == ("WAIT m:ss", "2:05"))
        #expect(WallPanelView.waitDigits(seconds: 3599.4) == ("WAIT m:ss", "59:59"))
        #expect(WallPanelView.waitDigits(seconds: 3725) == ("WAIT h:mm", "1:02"))
    }

    @Test func queueTooLongForBigDigitsIsWrittenPlain() {
        let huge = Fixtures.entryPoint(1009, depth: 123_456, wait: 5)
        let lines = PlainTextRenderer().lines(Self.buffer(huge, size: .small))
        #expect(lines[3].contains("123456"))
    }
}
