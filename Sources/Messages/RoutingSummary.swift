/// The routing part of a message's JSON: where it went, and why.
public struct RoutingSummary: Sendable, Hashable, Codable {
    /// The team the message was routed to.
    public var team: String
    /// The winning team's score.
    public var score: Double
    /// How clearly the winner won, from 0 to 1.
    public var confidence: Double
    /// True when no signal settled it and the fallback team got it.
    public var fallback: Bool
    /// `normal` or `urgent`.
    public var priority: String
    /// The reason in words, as `signals`, `below min-score`, `empty`.
    public var reason: String
    /// The signal words that matched.
    public var signals: [MatchedSignal]
    /// Identifies the `routing.conf` that decided.
    public var configHash: String

    /// Creates a routing summary.
    public init(
        team: String, score: Double, confidence: Double, fallback: Bool, priority: String,
        reason: String, signals: [MatchedSignal], configHash: String
    ) {
        self.team = team
        self.score = score
        self.confidence = confidence
        self.fallback = fallback
        self.priority = priority
        self.reason = reason
        self.signals = signals
        self.configHash = configHash
    }
}

/// One signal word or phrase that matched a message.
public struct MatchedSignal: Sendable, Hashable, Codable {
    /// The term as written in `routing.conf`.
    public var term: String
    /// The team it counts for.
    public var team: String
    /// The weight it added, after the subject multiplier.
    public var weight: Double
    /// Creates a matched signal.
    public init(term: String, team: String, weight: Double) {
        self.term = term
        self.team = team
        self.weight = weight
    }
}
