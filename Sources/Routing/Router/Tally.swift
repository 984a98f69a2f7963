/// What matched while scanning one message.
struct Tally {
    /// Per signal (team, index): the field and range of its best occurrence.
    private var signals: [SignalKey: (field: MessageField, range: Range<Int>)] = [:]
    private var order: [SignalKey] = []
    /// Indices of matched priority words, in first-match order.
    private(set) var urgent: [Int] = []
    /// Place names found, in first-match order.
    private(set) var places: [(area: Int, name: String)] = []

    mutating func record(_ meaning: PatternMeaning, field: MessageField, range: Range<Int>, config: RoutingConfig) {
        switch meaning {
        case .signal(let team, let signal):
            let key = SignalKey(team: team, signal: signal)
            if let seen = signals[key] {
                if seen.field == .text && field == .subject { signals[key] = (field, range) }
            } else {
                signals[key] = (field, range)
                order.append(key)
            }
        case .urgent(let index):
            if !urgent.contains(index) { urgent.append(index) }
        case .place(let area, let name):
            if !places.contains(where: { $0.name == name }) { places.append((area, name)) }
        }
    }

    /// The matched signals with their effective weights, subject first, then text order.
    func matches(config: RoutingConfig, subjectWeight: Int) -> [SignalMatch] {
        order.compactMap { key -> SignalMatch? in
            guard let hit = signals[key] else { return nil }
            let team = config.teams[key.team]
            let signal = team.signals[key.signal]
            let factor = hit.field == .subject ? subjectWeight : 1
            return SignalMatch(
                term: signal.text, team: team.name, weight: signal.weight * factor,
                field: hit.field, range: hit.range)
        }
        .sorted { ($0.field == .subject ? 0 : 1, $0.range.lowerBound) < ($1.field == .subject ? 0 : 1, $1.range.lowerBound) }
    }
}

private struct SignalKey: Hashable {
    let team: Int
    let signal: Int
}
