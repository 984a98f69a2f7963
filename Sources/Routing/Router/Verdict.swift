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
        // The teams with a matched signal, in first-match order, and their totals; every other
        // team scores 0 (with hundreds of area teams, most of them).
        var scored: [TeamScore] = []
        var scoredTeams: [Int] = []
        var matches: [SignalMatch] = []
        matches.reserveCapacity(verdict.hits.count)
        for hit in verdict.hits {
            // Fields read in place: copying a whole TeamConfig retains every one of its strings.
            let signal = config.teams[hit.team].signals[hit.signal]
            matches.append(SignalMatch(
                term: signal.text, team: config.teams[hit.team].name, weight: hit.weight,
                field: hit.field, range: hit.range, learned: signal.learned))
            let slot = scoredTeams.firstIndex(of: hit.team) ?? {
                scoredTeams.append(hit.team)
                // One allocation per team instead of growing from empty.
                var terms: [String] = []
                terms.reserveCapacity(verdict.hits.count)
                scored.append(TeamScore(team: config.teams[hit.team].name, score: 0, terms: terms))
                return scored.count - 1
            }()
            scored[slot].score = ScoreText.rounded(scored[slot].score + hit.weight)
            scored[slot].terms.append(signal.text)
        }
        // Highest score first, ties by configuration order (as the verdict ranked them): the
        // positive totals sorted, then every team at 0 in configuration order, then the negative.
        let byScore = { (a: Int, b: Int) in
            scored[a].score != scored[b].score ? scored[a].score > scored[b].score : scoredTeams[a] < scoredTeams[b]
        }
        var scores: [TeamScore] = []
        scores.reserveCapacity(config.teams.count)
        for slot in scored.indices.filter({ scored[$0].score > 0 }).sorted(by: byScore) { scores.append(scored[slot]) }
        for team in config.teams.indices {
            if let slot = scoredTeams.firstIndex(of: team) {
                if scored[slot].score == 0 { scores.append(scored[slot]) }
            } else {
                scores.append(TeamScore(team: config.teams[team].name, score: 0, terms: []))
            }
        }
        for slot in scored.indices.filter({ scored[$0].score < 0 }).sorted(by: byScore) { scores.append(scored[slot]) }
        self.init(
            team: config.teams[verdict.team].name,
            score: verdict.score, confidence: verdict.confidence,
            fallback: verdict.fallback, reason: verdict.reason, priority: verdict.priority,
            scores: scores, matches: matches,
            urgentTerms: verdict.urgent.map { config.router.urgent[$0].text },
            entities: verdict.entities)
    }
}
