/// Reads fault settings from `/sim/faults` query parameters (the same names as `FaultSettings`).
enum FaultQuery {
    static let parameters = ["latency", "jitter", "errorRate", "defectRate", "mixupRate", "stallRate", "dropRate", "oversizeRate", "oversizeChunked"]

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
    }
}
