import ECEChat
import Foundation

/// The whole picture the monitor publishes after every change: what the dashboard draws.
public struct MonitorSnapshot: Sendable {
    /// Increases with every publication, so a reader can tell a new picture from the last one.
    public var generation: Int
    public var takenAt: Date
    /// The server, credentials redacted.
    public var server: String
    /// In the order the entry points were given.
    public var entryPoints: [EntryPointSnapshot] {
        didSet { summary = nil }
    }
    /// Counts and sums of `entryPoints`, from whatever built the snapshot (the monitor keeps
    /// them as answers arrive; a replay and a merge of sites work them out once); nil: worked
    /// out when asked (and whenever `entryPoints` is changed).
    public var summary: FloorSummary?
    public var askedInterval: Duration
    /// The interval the request budget allows; longer than asked when the budget stretches it.
    public var effectiveInterval: Duration
    public var budget: RequestBudget.Configuration
    /// Which calls each round makes: the header says how often the slower ones go.
    public var rotation = CallRotation(fullEvery: 1)
    public var isPaused: Bool
    /// Newest last, bounded.
    public var events: EventLog
    public var diagnoses: [Diagnosis]
    /// Requests sent since the start, for the header.
    public var requestsSent: Int
    /// Each site's name and reachability when the config lists several; empty otherwise.
    public var sites: [SiteStatus] = []
    /// Set while the server (a site's, with several) asked, with 429 or 503, to be left alone.
    public var serverHold: ServerHold.Hold?
    /// The site whose server asked, with several.
    public var serverHoldSite: String?
    /// Set when the picture comes from a replayed recording (`takenAt` is then the recorded time).
    public var replay: ReplayStatus?

    public init(generation: Int = 0, takenAt: Date = Date(timeIntervalSince1970: 0), server: String = "", entryPoints: [EntryPointSnapshot] = [],
                askedInterval: Duration = .seconds(5), effectiveInterval: Duration = .seconds(5), budget: RequestBudget.Configuration = .init(),
                isPaused: Bool = false, events: EventLog = [], diagnoses: [Diagnosis] = [], requestsSent: Int = 0) {
        self.generation = generation
        self.takenAt = takenAt
        self.server = server
        self.entryPoints = entryPoints
        self.askedInterval = askedInterval
        self.effectiveInterval = effectiveInterval
        self.budget = budget
        self.isPaused = isPaused
        self.events = events
        self.diagnoses = diagnoses
        self.requestsSent = requestsSent
    }

    /// The summary the snapshot carries, or one worked out now (a snapshot built by hand).
    private var currentSummary: FloorSummary { summary ?? FloorSummary(entryPoints) }

    public func count(of severity: Severity) -> Int { currentSummary.count(of: severity) }

    /// Entry points whose newest good data is older than two intervals.
    public var staleCount: Int { currentSummary.staleCount }

    /// The totals over every entry point.
    public var totals: FloorTotals { currentSummary.totals }

    public var isIntervalStretched: Bool { effectiveInterval > askedInterval }
}

/// What the dashboard (or any other driver) asks the running live monitor to do; a replay
/// takes `ReplayControl` instead.
public enum MonitorCommand: Sendable, Hashable {
    case pause
    case resume
    case togglePause
    /// Poll these now, ahead of the budget queue; nil means all.
    case refresh(EntryPointID?)
    case setInterval(Duration)
    case add([EntryPointID])
    case remove([EntryPointID])
    /// The entry point the user looks at: polled first when the budget is short.
    case select(EntryPointID?)
    /// Acknowledge alerts of one entry point, or all when nil.
    case acknowledge(EntryPointID?)
    /// Append every event, from now on, to this file as JSON lines.
    case startJournal(String)
    case stopJournal
}
