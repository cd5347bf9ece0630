import ArgumentParser
import ECEChat
import ECECommon
import Foundation

/// Times the body readers on hostile bodies of growing size: each shape's cost per byte must
/// stay flat as the body grows (linear time), whatever the shape.
///
/// Not one of P1–P5: README "Fuzzing" gives its figures. Bodies are far beyond the client's
/// 64 KiB cap on purpose, so any super-linear cost shows plainly.
struct ReaderScalingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader-scaling",
        abstract: "Time the XML/JSON readers on hostile bodies of growing size (cost per byte must stay flat)."
    )

    @Option(help: "Smallest body, in KiB; each step quadruples it.")
    var fromKiB = 16

    @Option(help: "Number of sizes.")
    var steps = 4

    @Option(help: "Timed runs per size (the fastest counts).")
    var runs = 3

    /// One hostile body shape: `unit(i)` repeated between `head` and `tail` up to the size.
    struct Shape: Sendable {
        var name: String
        var call: ChatAPICall
        var head: String
        var unit: @Sendable (Int) -> String
        var tail: String

        func body(bytes: Int) -> [UInt8] {
            var text = head
            var index = 0
            while text.utf8.count < bytes - tail.utf8.count {
                text += unit(index)
                index += 1
            }
            return Array((text + tail).utf8)
        }
    }

    static let shapes: [Shape] = [
        Shape(name: "attributes", call: .capacity, head: "<availableSlots", unit: { " a\($0)=\"1\"" }, tail: "/>"),
        Shape(name: "unquotedAttributes", call: .checkEligibility, head: "<checkEligibility", unit: { " r\($0)=0" }, tail: "/>"),
        Shape(name: "siblings", call: .capacity, head: "<availableSlots>", unit: { _ in "<ns2:x a='1'/>" }, tail: "<count>4</count></availableSlots>"),
        Shape(name: "nesting", call: .capacity, head: "<availableSlots>",
              unit: { _ in String(repeating: "<a>", count: 30) + String(repeating: "</ a >", count: 30) }, tail: "</availableSlots>"),
        Shape(name: "entities", call: .capacity, head: "<availableSlots><count>", unit: { _ in "&amp;&#x41;&lt;" }, tail: "</count></availableSlots>"),
        Shape(name: "comments", call: .capacity, head: "<availableSlots>", unit: { _ in "<!-- - -- ->" }, tail: "--></availableSlots>"),
        Shape(name: "unclosed", call: .capacity, head: "", unit: { _ in "<a>" }, tail: ""),
        Shape(name: "jsonKeys", call: .capacity, head: "{", unit: { "\"k\($0)\":[1,\"x\"]," }, tail: "\"count\":4}"),
        Shape(name: "jsonNesting", call: .capacity, head: "{\"count\":", unit: { _ in "[" }, tail: "]"),
    ]

    func run() throws {
        let sizes = (0..<steps).map { fromKiB * 1024 << (2 * $0) }
        print("shape".padding(toLength: 20, withPad: " ", startingAt: 0) + sizes.map { "\($0 / 1024) KiB".leftPad(14) }.joined() + "   ratio")
        for shape in Self.shapes {
            var perByte: [Double] = []
            for size in sizes {
                let body = shape.body(bytes: size)
                var best = Double.infinity
                for _ in 0..<runs {
                    let started = ContinuousClock.now
                    _ = try? ChatResponseDecoder.decode(shape.call, body: body)
                    best = min(best, (ContinuousClock.now - started).inSeconds)
                }
                perByte.append(best * 1e9 / Double(body.count))
                Bench.result("reader.\(shape.name).nsPerByte.\(size / 1024)KiB", best * 1e9 / Double(body.count))
            }
            // Cost per byte at the largest size over that at the smallest: ~1 is linear; a
            // quadratic reader would show the size ratio (4^(steps-1)).
            let ratio = perByte.last! / perByte.first!
            Bench.result("reader.\(shape.name).ratio", ratio)
            print(shape.name.padding(toLength: 20, withPad: " ", startingAt: 0)
                  + perByte.map { String(format: "%.1f ns/B", $0).leftPad(14) }.joined() + String(format: "%8.2f", ratio))
        }
    }
}

private extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
