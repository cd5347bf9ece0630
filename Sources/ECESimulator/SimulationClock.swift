/// Maps wall-clock seconds to simulated seconds: `speed` simulated seconds pass per wall second,
/// plus any explicit jumps. Speed 0 pauses time; only jumps then move it.
struct SimulationClock: Sendable {
    private(set) var speed: Double
    private var anchorWall: Double
    private var anchorSimulated: Double

    init(speed: Double, wall: Double) {
        self.speed = speed
        anchorWall = wall
        anchorSimulated = 0
    }

    func simulatedTime(atWall wall: Double) -> Double {
        anchorSimulated + max(0, wall - anchorWall) * speed
    }

    /// Re-anchors first so time already elapsed keeps the old speed.
    mutating func setSpeed(_ newSpeed: Double, atWall wall: Double) {
        anchorSimulated = simulatedTime(atWall: wall)
        anchorWall = wall
        speed = newSpeed
    }

    mutating func jump(by seconds: Double) {
        anchorSimulated += max(0, seconds)
    }
}
