import Foundation

/// Hand-written recordings, line by line as `--record` writes them.
enum RecordingFixture {
    static let header = #"{"format":"ecetop-recording","version":1,"started":"2026-11-26T10:00:00.000Z","server":"https://ece.example.com/system","interval":2,"historyWindow":3600,"budgetPerSecond":20,"budgetBurst":20,"thresholds":{"queueDepth":5},"entryPoints":[{"id":1000,"label":"Sales"},{"id":1001}]}"#

    static func poll(_ time: String, _ entryPoint: Int, allowed: Bool = true, reason: String? = nil, queue: Int = 0, extra: String = "") -> String {
        let reasonField = reason.map { #","reason":"\#($0)""# } ?? ""
        return #"{"time":"2026-11-26T10:00:\#(time)Z","server":"https://ece.example.com/system","entryPoint":\#(entryPoint),"interval":2,"calls":["#
            + #"{"call":"chatAllowed","status":200,"latencyMs":3.5,"allowed":\#(allowed)\#(reasonField)},"#
            + #"{"call":"liveSessionStatus","status":200,"latencyMs":2,"queueDepth":\#(queue),"waitTime":\#(queue * 30)}\#(extra)]}"#
    }

    /// 1000 answers four times (full queue at +4 s, a reason no note lists at +8 s, a timeout
    /// at +10 s); 1001 answers once, at +2 s.
    static let story = [
        header,
        poll("00.500", 1000),
        poll("02.000", 1001),
        poll("04.000", 1000, allowed: false, reason: "queue_depth_reached", queue: 9),
        poll("08.000", 1000, allowed: false, reason: "brand_new_reason", queue: 3),
        poll("10.000", 1000, queue: 1, extra: #",{"call":"capacity","latencyMs":5000,"error":{"kind":"timeout","text":"capacity: no answer within 5 s (timeout)"}}"#),
    ]

    /// Writes `lines` to a new temporary file; returns its path.
    static func write(_ lines: [String], name: String = "fixture") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecetop-\(name)-\(UUID().uuidString).jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
