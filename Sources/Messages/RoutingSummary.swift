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
    /// The router's own decision, kept when a correction moved the message to another team
    /// (`routing.previous`); later corrections keep the first decision.
    public var previous: PreviousRouting?

    /// Creates a routing summary.
    public init(
        team: String, score: Double, confidence: Double, fallback: Bool, priority: String,
        reason: String, signals: [MatchedSignal], configHash: String, previous: PreviousRouting? = nil
    ) {
        self.team = team
        self.score = score
        self.confidence = confidence
        self.fallback = fallback
        self.priority = priority
        self.reason = reason
        self.signals = signals
        self.configHash = configHash
        self.previous = previous
    }
}

/// A routing decision that a correction replaced, held by reference so that a summary can
/// hold one.
public final class PreviousRouting: Sendable, Hashable, Codable {
    /// The decision as it was.
    public let summary: RoutingSummary

    /// Keeps `summary`, without its own ``RoutingSummary/previous``.
    public init(_ summary: RoutingSummary) {
        var summary = summary
        summary.previous = nil
        self.summary = summary
    }

    /// Decodes the decision.
    public convenience init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(RoutingSummary.self))
    }

    /// Encodes the decision as a routing object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(summary)
    }

    /// Equal when the decisions are.
    public static func == (left: PreviousRouting, right: PreviousRouting) -> Bool { left.summary == right.summary }

    /// Hashes the decision.
    public func hash(into hasher: inout Hasher) { hasher.combine(summary) }
}

/// One signal word or phrase that matched a message.
public struct MatchedSignal: Sendable, Hashable, Codable {
    /// The term as written in `routing.conf`.
    public var term: String
    /// The team it counts for.
    public var team: String
    /// The weight it added, after the subject multiplier.
    public var weight: Double
    /// Whether it comes from the learned signal file; written only when true.
    public var learned: Bool
    /// Creates a matched signal.
    public init(term: String, team: String, weight: Double, learned: Bool = false) {
        self.term = term
        self.team = team
        self.weight = weight
        self.learned = learned
    }

    private enum CodingKeys: String, CodingKey { case term, team, weight, learned }

    /// Decodes a matched signal; `learned` is false when absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        term = try container.decode(String.self, forKey: .term)
        team = try container.decode(String.self, forKey: .team)
        weight = try container.decode(Double.self, forKey: .weight)
        learned = try container.decodeIfPresent(Bool.self, forKey: .learned) ?? false
    }

    /// Encodes a matched signal; `learned` only when true.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(term, forKey: .term)
        try container.encode(team, forKey: .team)
        try container.encode(weight, forKey: .weight)
        if learned { try container.encode(learned, forKey: .learned) }
    }
}
