import Routing

/// What `learn` tunes: how many terms a team may get, and how much evidence a term needs.
public struct LearnOptions: Sendable, Hashable {
    /// At most this many learned terms per team (`--max-terms`).
    public var maxTerms = 500
    /// A team with fewer examples gets no learned terms (`--min-examples`).
    public var minExamples = 20
    /// A term must be seen in at least this many examples.
    public var minCount = 2

    /// The defaults.
    public init() {}
}

/// One learned term of a team, with its evidence.
public struct LearnedTerm: Sendable, Hashable {
    /// The signal entry, as written in the learned file (`lantaarnpaal`, `"staat op"`).
    public var signal: String
    /// Its weight, rounded to hundredths; negative weights count against the team.
    public var weight: Double
    /// Examples of the team that hold the term.
    public var teamCount: Int
    /// Examples of other teams that hold it.
    public var otherCount: Int
}

/// The result of `learn`: learned terms per team, and what the history held.
public struct LearnedModel: Sendable {
    /// One team's part.
    public struct Team: Sendable {
        /// The team name, as spelled in the configuration.
        public var name: String
        /// Its examples in the history.
        public var examples: Int
        /// Its learned terms, strongest first.
        public var terms: [LearnedTerm]
        /// Why it has no learned terms, when it has none by rule (too few examples).
        public var withoutTerms: String?
    }

    /// Every team of the configuration, in its order.
    public var teams: [Team]
    /// Terms left out because a team without history claims them by its hand-written signals.
    public var guardedTerms: Int
    /// `min-score` and `min-margin` for routing with the learned terms, when they differ from the
    /// configuration's; nil when the configuration's route the history best.
    public var thresholds: LearnedThresholds?

    /// All learned terms.
    public var termCount: Int { teams.reduce(0) { $0 + $1.terms.count } }
}
