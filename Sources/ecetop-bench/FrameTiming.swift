/// One batch of frame compositions: median wall and thread-CPU milliseconds, and the frame's
/// size in characters.
struct FrameTiming {
    var milliseconds: Double
    var cpuMilliseconds: Double
    var characters: Int
}
