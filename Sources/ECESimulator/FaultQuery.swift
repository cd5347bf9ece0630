/// Reads fault settings from `/sim/faults` query parameters (the same names as `FaultSettings`).
enum FaultQuery {
    static let parameters = ["latency", "jitter", "errorRate", "defectRate", "mixupRate", "stallRate", "dropRate", "oversizeRate", "oversizeChunked",
                             "resetRate", "trickleRate", "trickleBytesPerSecond", "garbageRate", "statusRate", "status", "retryAfter", "location", "chatAllowedReason", "calls"]

    static func apply(_ query: ControlQuery, to faults: inout FaultSettings) throws(ControlQuery.Problem) {
        if let value = try query.double("latency", maximum: 3600) { faults.latency = value }
        if let value = try query.double("jitter", maximum: 3600) { faults.jitter = value }
        if let value = try query.double("errorRate", maximum: 1) { faults.errorRate = value }
        if let value = try query.double("defectRate", maximum: 1) { faults.defectRate = value }
        if let value = try query.double("mixupRate", maximum: 1) { faults.mixupRate = value }
        if let value = try query.double("stallRate", maximum: 1) { faults.stallRate = value }
        if let value = try query.double("dropRate", maximum: 1) { faults.dropRate = value }
        if let value = try query.double("oversizeRate", maximum: 1) { faults.oversizeRate = value }
        if let value = try query.bool("oversizeChunked") { faults.oversizeChunked = value }
        if let value = try query.double("resetRate", maximum: 1) { faults.resetRate = value }
        if let value = try query.double("trickleRate", maximum: 1) { faults.trickleRate = value }
        if let value = try query.double("trickleBytesPerSecond", minimum: 0.01, maximum: 1_000_000) { faults.trickleBytesPerSecond = value }
        if let value = try query.double("garbageRate", maximum: 1) { faults.garbageRate = value }
        if let value = try query.double("statusRate", maximum: 1) { faults.statusRate = value }
        if let value = try query.double("status", minimum: 300, maximum: 599) { faults.status = Int(value) }
        // Empty: no such header.
        if let text = query.string("retryAfter") { faults.retryAfter = text.isEmpty ? nil : text }
        if let text = query.string("location") { faults.location = text.isEmpty ? nil : text }
        if let text = query.string("chatAllowedReason") {
            // Empty: back to the model's answer.
            guard text.utf8.count <= 200 else { throw ControlQuery.Problem(message: "chatAllowedReason must be at most 200 bytes long") }
            faults.chatAllowedReason = text.isEmpty ? nil : text
        }
        if let text = query.string("calls") {
            do {
                faults.calls = try FaultSettings.calls(parsing: text)
            } catch {
                throw ControlQuery.Problem(message: "calls: \(error)")
            }
        }
    }
}
