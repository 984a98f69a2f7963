import Text

/// One matched signal, by index into the configuration: what a ``SignalMatch`` says, without
/// copies of the term and the team name.
public struct SignalHit: Sendable, Hashable {
    /// Index of the team in ``RoutingConfig/teams``.
    public var team: Int
    /// Index of the signal in that team's ``TeamConfig/signals``.
    public var signal: Int
    /// The weight it added (after the subject multiplier).
    public var weight: Double
    /// Where it matched.
    public var field: MessageField
    /// UTF-8 byte range of the matched words in that field.
    public var range: Range<Int>
}

/// A routing decision by indices into the configuration: what ``Decision`` says, built without
/// its arrays of names and team scores.
///
/// ``Router/verdict(utf8:entities:)`` gives one for callers that write many decisions (such as
/// `classify --lines`); ``Decision/init(_:config:)`` turns one into the full ``Decision``.
public struct Verdict: Sendable {
    /// Index of the team that gets the message.
    public var team: Int
    /// The winning team's score (0 on fallback without matches).
    public var score: Double
    /// How clearly the winner won, from 0 to 1 (see ``Decision/confidence``).
    public var confidence: Double
    /// True when the fallback team got the message because no signal settled it.
    public var fallback: Bool
    /// Why this team.
    public var reason: DecisionReason
    /// The matched signals, subject first, then in text order (as ``Decision/matches``).
    public var hits: [SignalHit]
    /// Indices of the matched priority words in `[router] urgent`.
    public var urgent: [Int]
    /// The best team other than the first by score, if any scored, and its score (as
    /// ``Decision/runnerUp``).
    public var runnerUp: (team: Int, score: Double)?
    /// Entities found in the subject and text.
    public var entities: DetectedEntities

    /// `urgent` when a priority word matched.
    public var priority: Priority { urgent.isEmpty ? .normal : .urgent }
}

extension Decision {
    /// The full decision that `verdict` stands for, with the names from `config`.
    public init(_ verdict: Verdict, config: RoutingConfig) {
        self.init(verdict, config: config, teamNames: config.teams.map(\.name))
    }

    /// The same, with the teams' names given (a router keeps them, so that a decision does not
    /// gather them from every team).
    init(_ verdict: Verdict, config: RoutingConfig, teamNames: [String]) {
        // The teams with a matched signal, in first-match order, and their totals.
        var matched: [RankedScore] = []
        var matches: [SignalMatch] = []
        matches.reserveCapacity(verdict.hits.count)
        for hit in verdict.hits {
            // Fields read in place: copying a whole TeamConfig retains every one of its strings.
            let signal = config.teams[hit.team].signals[hit.signal]
            matches.append(SignalMatch(
                term: signal.text, team: config.teams[hit.team].name, weight: hit.weight,
                field: hit.field, range: hit.range, learned: signal.learned))
            let slot = matched.firstIndex { $0.team == hit.team } ?? {
                // One allocation per team instead of growing from empty.
                var terms: [String] = []
                terms.reserveCapacity(verdict.hits.count)
                matched.append(RankedScore(team: hit.team, score: TeamScore(team: config.teams[hit.team].name, score: 0, terms: terms)))
                return matched.count - 1
            }()
            matched[slot].score.score = ScoreText.rounded(matched[slot].score.score + hit.weight)
            matched[slot].score.terms.append(signal.text)
        }
        // In the order of `scores`: highest first, ties by configuration order (as the verdict
        // ranked them), the teams at 0 in configuration order.
        matched.sort { a, b in a.score.score == b.score.score ? a.team < b.team : a.score.score > b.score.score }
        self.init(
            team: config.teams[verdict.team].name,
            score: verdict.score, confidence: verdict.confidence,
            fallback: verdict.fallback, reason: verdict.reason, priority: verdict.priority,
            matchedScores: matched, teamNames: teamNames, matches: matches,
            urgentTerms: verdict.urgent.map { config.router.urgent[$0].text },
            entities: verdict.entities)
    }
}
