/// What matched while scanning one message.
struct Tally {
    /// Matched signals in first-match order, with the field and range of their best occurrence.
    /// A message matches few signals, so a linear search beats hashing here.
    private var signals: [(key: SignalKey, field: MessageField, range: Range<Int>)] = []
    /// Indices of matched priority words, in first-match order.
    private(set) var urgent: [Int] = []
    /// Place names found, in first-match order.
    private(set) var places: [(area: Int, name: String)] = []

    /// Whether a match of `meaning` in `field` would change anything (cheap; skips the range work).
    func wants(_ meaning: PatternMeaning, field: MessageField) -> Bool {
        switch meaning {
        case .signal(let team, let signal):
            let key = SignalKey(team: team, signal: signal)
            guard let seen = signals.first(where: { $0.key == key }) else { return true }
            return seen.field == .text && field == .subject
        case .urgent(let index):
            return !urgent.contains(index)
        case .place:
            return true
        }
    }

    mutating func record(_ meaning: PatternMeaning, field: MessageField, range: Range<Int>, config: RoutingConfig) {
        switch meaning {
        case .signal(let team, let signal):
            let key = SignalKey(team: team, signal: signal)
            if let index = signals.firstIndex(where: { $0.key == key }) {
                if signals[index].field == .text && field == .subject { signals[index] = (key, field, range) }
            } else {
                signals.append((key, field, range))
            }
        case .urgent(let index):
            if !urgent.contains(index) { urgent.append(index) }
        case .place(let area, let name):
            if !places.contains(where: { $0.name == name }) { places.append((area, name)) }
        }
    }

    /// The matched signals with their effective weights, subject first, then text order, and
    /// the index of each one's team.
    func matches(config: RoutingConfig, subjectWeight: Int) -> ([SignalMatch], [Int]) {
        let ordered = signals.sorted {
            ($0.field == .subject ? 0 : 1, $0.range.lowerBound) < ($1.field == .subject ? 0 : 1, $1.range.lowerBound)
        }
        let matches = ordered.map { hit in
            let team = config.teams[hit.key.team]
            let signal = team.signals[hit.key.signal]
            return SignalMatch(
                term: signal.text, team: team.name, weight: signal.weight * (hit.field == .subject ? subjectWeight : 1),
                field: hit.field, range: hit.range)
        }
        return (matches, ordered.map(\.key.team))
    }
}

private struct SignalKey: Equatable {
    let team: Int
    let signal: Int
}
