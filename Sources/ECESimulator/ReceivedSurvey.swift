/// A survey the simulator accepted, as `/sim/surveys` lists it.
public struct ReceivedSurvey: Sendable, Hashable, Codable {
    public struct Answer: Sendable, Hashable, Codable {
        public var question: String
        public var answer: String
    }

    public var sessionID: String
    public var answers: [Answer]
    /// Simulated seconds since the start when it arrived.
    public var simulatedTime: Double
}
