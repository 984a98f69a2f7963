import Archive

/// The figures of a report over a period, counted from the archive: what `report --json`
/// writes and the HTML page draws.
public struct ReportFigures: Sendable, Equatable {
    /// One day's counts.
    public struct Day: Sendable, Equatable {
        /// Messages received that day.
        public var messages = 0
        /// Messages per channel.
        public var channels: [String: Int] = [:]
        /// Messages that went to the fallback team (triage).
        public var fallback = 0
        /// Urgent messages.
        public var urgent = 0
        /// No messages yet.
        public init() {}
    }

    /// One team's counts.
    public struct Team: Sendable, Equatable {
        /// Messages the router sent to the team.
        public var routed = 0
        /// Messages the team ended with, after corrections.
        public var messages = 0
        /// Urgent messages it ended with.
        public var urgent = 0
        /// Corrections that moved a message into the team.
        public var reroutedIn = 0
        /// Corrections that moved a message away from the team, by the team it went to.
        public var reroutedTo: [String: Int] = [:]
        /// How often each signal term matched in the messages the router sent to the team.
        public var signals: [String: Int] = [:]
        /// No messages yet.
        public init() {}

        /// Corrections away from the team.
        public var reroutedAway: Int { reroutedTo.values.reduce(0, +) }
        /// The share of the messages that reached the team (routed or corrected in) that were
        /// moved away again, from 0 to 1.
        public var reroutedShare: Double {
            let reached = routed + reroutedIn
            return reached == 0 ? 0 : Double(reroutedAway) / Double(reached)
        }
        /// The `count` most frequent signal terms, most frequent first (ties by term).
        public func topSignals(_ count: Int) -> [(term: String, count: Int)] {
            signals.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(count).map { ($0.key, $0.value) }
        }
    }

    /// Input that did not become a message, as counted in the state folder when the report was made.
    public struct Intake: Sendable, Equatable {
        /// Inputs in the sources' `rejected/` folders.
        public var rejected: Int
        /// Auto-replies and bounces set aside in `STATE/noise/`.
        public var noise: Int
        /// Deliveries given up on, in `STATE/dead/`.
        public var deadLetters: Int
        /// Creates the counts.
        public init(rejected: Int, noise: Int, deadLetters: Int) {
            self.rejected = rejected
            self.noise = noise
            self.deadLetters = deadLetters
        }
    }

    /// The period asked for (nil bounds are open).
    public var period: ArchivePeriod
    /// Messages received in the period, each ID once.
    public var messages = 0
    /// Counts per day received, `YYYY-MM-DD`.
    public var days: [String: Day] = [:]
    /// Counts per team (teams the router or a correction named).
    public var teams: [String: Team] = [:]
    /// Messages per area (`location.area`; "" when none).
    public var areas: [String: Int] = [:]
    /// Corrections of messages received in the period.
    public var corrections = 0
    /// Milliseconds from receipt to the team's queue, sorted.
    public var queueDelays: [Int] = []
    /// Milliseconds from receipt to the acceptance by the team's endpoint, sorted; only messages
    /// for teams with an endpoint.
    public var endpointDelays: [Int] = []
    /// Rejected input, noise and dead letters; nil when not counted.
    public var intake: Intake?

    /// Empty figures for `period`.
    public init(period: ArchivePeriod) {
        self.period = period
    }

    /// Messages per channel over the period.
    public var channels: [String: Int] {
        days.values.reduce(into: [:]) { total, day in total.merge(day.channels, uniquingKeysWith: +) }
    }

    /// The days received, in order.
    public var dayNames: [String] { days.keys.sorted() }

    /// Urgent messages over the period.
    public var urgent: Int { days.values.reduce(0) { $0 + $1.urgent } }

    /// Messages for the fallback team over the period.
    public var fallback: Int { days.values.reduce(0) { $0 + $1.fallback } }

    /// The `fraction` percentile (0.5: the median) of the queue delays, by nearest rank; nil
    /// without messages.
    public func queueDelay(percentile fraction: Double) -> Int? {
        Self.percentile(fraction, of: queueDelays)
    }

    /// The `fraction` percentile of the endpoint delays; nil when no endpoint accepted anything.
    public func endpointDelay(percentile fraction: Double) -> Int? {
        Self.percentile(fraction, of: endpointDelays)
    }

    private static func percentile(_ fraction: Double, of sorted: [Int]) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}
