@testable import ECETerminal
import Testing

/// Known pictures of every big character, at both heights, in blocks and in ASCII.
@Suite struct BigDigitsTests {
    static let all = "0123456789:-"

    /// Rows joined by line feeds, trailing spaces dropped as the text renderer does.
    func picture(_ text: String, _ height: BigDigits.Height, _ font: BigDigits.Font) -> String {
        BigDigits.rows(text, height: height, font: font).map { row in
            var row = row
            while row.last == " " { row.removeLast() }
            return row
        }.joined(separator: "\n")
    }

    @Test func fiveRowBlocks() {
        #expect(picture(Self.all, .five, .blocks) == """
            ███  █  ███ ███ █ █ ███ ███ ███ ███ ███
            █ █ ██    █   █ █ █ █   █     █ █ █ █ █ █
            █ █  █  ███ ███ ███ ███ ███   █ ███ ███   ███
            █ █  █  █     █   █   █ █ █   █ █ █   █ █
            ███ ███ ███ ███   █ ███ ███   █ ███ ███
            """)
    }

    @Test func fiveRowASCII() {
        #expect(picture(Self.all, .five, .ascii) == """
            ###  #  ### ### # # ### ### ### ### ###
            # # ##    #   # # # #   #     # # # # # #
            # #  #  ### ### ### ### ###   # ### ###   ###
            # #  #  #     #   #   # # #   # # #   # #
            ### ### ### ###   # ### ###   # ### ###
            """)
    }

    @Test func threeRowHalfBlocks() {
        #expect(picture(Self.all, .three, .blocks) == """
            █▀█ ▄█  ▀▀█ ▀▀█ █ █ █▀▀ █▀▀ ▀▀█ █▀█ █▀█ ▄
            █ █  █  █▀▀ ▀▀█ ▀▀█ ▀▀█ █▀█   █ █▀█ ▀▀█ ▄ ▀▀▀
            ▀▀▀ ▀▀▀ ▀▀▀ ▀▀▀   ▀ ▀▀▀ ▀▀▀   ▀ ▀▀▀ ▀▀▀
            """)
    }

    @Test func threeRowASCIISegments() {
        #expect(picture(Self.all, .three, .ascii) == """
             _       _   _       _   _   _   _   _
            | |   |  _|  _| |_| |_  |_    | |_| |_| .  _
            |_|   | |_   _|   |  _| |_|   | |_|  _| .
            """)
    }

    @Test func clockTimeAtThreeRows() {
        #expect(picture("12:05", .three, .blocks) == """
            ▄█  ▀▀█ ▄ █▀█ █▀▀
             █  █▀▀ ▄ █ █ ▀▀█
            ▀▀▀ ▀▀▀   ▀▀▀ ▀▀▀
            """)
    }

    @Test(arguments: BigDigits.Height.allCases)
    func everyRowIsAsWideAsMeasured(height: BigDigits.Height) {
        for text in ["0", "12", "1:02", "59:59", Self.all] {
            for font in [BigDigits.Font.blocks, .ascii] {
                let rows = BigDigits.rows(text, height: height, font: font)
                #expect(rows.count == height.rawValue)
                #expect(rows.allSatisfy { $0.count == BigDigits.width(text) }, "\(text) \(font)")
            }
        }
        #expect(BigDigits.width("0") == 3)
        #expect(BigDigits.width("12:05") == 17)
    }

    @Test func onlyDigitsColonAndDashHavePictures() {
        #expect(BigDigits.canDraw("12:05"))
        #expect(BigDigits.canDraw("-"))
        #expect(!BigDigits.canDraw("1.5"))
        #expect(!BigDigits.canDraw(""))
    }

    @Test func fontFollowsTheGlyphSet() {
        #expect(BigDigits.Font(.unicode) == .blocks)
        #expect(BigDigits.Font(.ascii) == .ascii)
    }
}
