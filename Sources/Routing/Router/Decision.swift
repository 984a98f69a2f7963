import Text

/// Where a message goes, and every reason why.
public struct Decision: Sendable, Hashable {
    /// The team that gets the message.
    public var team: String
    /// The winning team's score (0 on fallback without matches).
    public var score: Double
    /// How clearly the winner won, from 0 to 1: `(1 − runnerUp/best) × min(1, best/(min-score + min-margin))`.
    public var confidence: Double
    /// True when the fallback team got the message because no signal settled it.
    public var fallback: Bool
    /// Why this team.
    public var reason: DecisionReason
    /// `urgent` when a priority word matched.
    public var priority: Priority
    /// The teams with a matched signal, in the order of ``scores``, each with its place in the
    /// configuration; every other team scored 0.
    var matchedScores: [RankedScore]
    /// Every team's name in configuration order (one array shared by the decisions of a router).
    var teamNames: [String]
    /// Signal words that matched, in text order.
    public var matches: [SignalMatch]
    /// Priority words that matched.
    public var urgentTerms: [String]
    /// Entities found in the subject and text.
    public var entities: DetectedEntities

    /// Every team's score, highest first (ties by configuration order): the teams that scored
    /// above 0, then every team at 0 in configuration order, then those below 0. Made when
    /// asked for, so that a decision among hundreds of teams does not hold an entry for each.
    public var scores: [TeamScore] {
        var scores: [TeamScore] = []
        scores.reserveCapacity(teamNames.count)
        for ranked in matchedScores where ranked.score.score > 0 { scores.append(ranked.score) }
        var matchedZero: [Int: TeamScore] = [:]
        var nonZero = Set<Int>()
        for ranked in matchedScores {
            if ranked.score.score == 0 { matchedZero[ranked.team] = ranked.score } else { nonZero.insert(ranked.team) }
        }
        for (team, name) in teamNames.enumerated() where !nonZero.contains(team) {
            scores.append(matchedZero[team] ?? TeamScore(team: name, score: 0, terms: []))
        }
        for ranked in matchedScores where ranked.score.score < 0 { scores.append(ranked.score) }
        return scores
    }

    /// The best team other than the first of ``scores``, if any scored or matched.
    public var runnerUp: TeamScore? {
        // The first of ``scores``: the best team above 0, else the first team at 0 (matched or
        // not), else the best below 0. The runner-up is the next team that matched.
        let hasPositive = matchedScores.first.map { $0.score.score > 0 } ?? false
        let belowZero = matchedScores.filter { $0.score.score < 0 }.count
        var first = matchedScores.first?.team ?? 0
        if !hasPositive && belowZero < teamNames.count {
            let below = Set(matchedScores.filter { $0.score.score < 0 }.map(\.team))
            first = teamNames.indices.first { !below.contains($0) } ?? first
        }
        return matchedScores.first { $0.team != first }?.score
    }
}

/// A team's score with the team's place in the configuration.
struct RankedScore: Sendable, Hashable {
    /// Index of the team in ``RoutingConfig/teams``.
    let team: Int
    /// Its score and terms.
    var score: TeamScore
}

/// Message priority.
public enum Priority: String, Sendable, Hashable, Codable {
    case normal, urgent
}

/// One team's total.
public struct TeamScore: Sendable, Hashable {
    /// Team name.
    public var team: String
    /// Sum of the weights of its distinct matched signals.
    public var score: Double
    /// The terms that made the score.
    public var terms: [String]
}

/// Which part of a message a match was in.
public enum MessageField: String, Sendable, Hashable, Codable {
    case subject, text
}

/// A signal word that matched.
public struct SignalMatch: Sendable, Hashable {
    /// The term as written in `routing.conf`.
    public var term: String
    /// The team it counts for.
    public var team: String
    /// The weight it added (after the subject multiplier).
    public var weight: Double
    /// Where it matched.
    public var field: MessageField
    /// UTF-8 byte range of the matched words in that field.
    public var range: Range<Int>
    /// Whether the signal comes from the learned signal file.
    public var learned: Bool = false
}

/// Entities the router found, used for the location and the area.
public struct DetectedEntities: Sendable, Hashable {
    /// First postcode, normalized (`2221AB`).
    public var postcode: String?
    /// First house number with suffix.
    public var houseNumber: String?
    /// Street of that house number, when seen.
    public var street: String?
    /// First place name from an `[area]` found in the text.
    public var place: String?
    /// The message's area: by map point, postcode, street or place (see ``finding``).
    public var area: String?
    /// How the area was found, or the clue that places the message outside every area.
    public var finding: AreaFinding?
    /// Phone numbers, normalized.
    public var phones: [String]
    /// E-mail addresses.
    public var emails: [String]
    /// How many BSNs the text holds (never the numbers themselves).
    public var bsnCount: Int
    /// Creates an empty set of entities.
    public init(
        postcode: String? = nil, houseNumber: String? = nil, street: String? = nil,
        place: String? = nil, area: String? = nil, finding: AreaFinding? = nil, phones: [String] = [], emails: [String] = [],
        bsnCount: Int = 0
    ) {
        self.postcode = postcode
        self.houseNumber = houseNumber
        self.street = street
        self.place = place
        self.area = area
        self.finding = finding
        self.phones = phones
        self.emails = emails
        self.bsnCount = bsnCount
    }
}
