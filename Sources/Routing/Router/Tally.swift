/// What matched while scanning one message.
struct Tally {
    /// Matched signals in first-match order, with the field and range of their best occurrence.
    /// A message matches few signals, so a linear search beats hashing here.
    private var signals: [TalliedSignal] = []
    /// Indices of matched priority words, in first-match order.
    private(set) var urgent: [Int] = []
    /// The first place name found: its area and its index among that area's places.
    private(set) var place: (area: Int, place: Int)?

    /// A tally with no matches yet.
    init() {}

    /// A tally with no matches yet that keeps its matches in the storage of `storage` (taken,
    /// leaving it empty; ``giveBack(_:)`` returns it): swapped, so the storage stays unshared.
    init(reusing storage: inout [TalliedSignal]) {
        swap(&signals, &storage)
        signals.removeAll(keepingCapacity: true)
    }

    /// Hands the storage of the matches back to `storage`, for the next tally.
    mutating func giveBack(_ storage: inout [TalliedSignal]) {
        swap(&signals, &storage)
    }

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

    mutating func record(_ meaning: PatternMeaning, field: MessageField, range: Range<Int>) {
        switch meaning {
        case .signal(let team, let signal):
            let key = SignalKey(team: team, signal: signal)
            if let index = signals.firstIndex(where: { $0.key == key }) {
                if signals[index].field == .text && field == .subject { signals[index] = TalliedSignal(key: key, field: field, range: range) }
            } else {
                // Room for a typical message's matches at once, instead of growing from empty.
                if signals.capacity == 0 { signals.reserveCapacity(16) }
                signals.append(TalliedSignal(key: key, field: field, range: range))
            }
        case .urgent(let index):
            if !urgent.contains(index) { urgent.append(index) }
        case .place(let area, let index):
            if place == nil { place = (area, index) }
        }
    }

    /// The matched signals with their effective weights, subject first, then text order, in
    /// the storage of `storage` (taken, leaving it empty): a caller that routes many messages
    /// hands it back (``RoutingBuffers/recycle(_:)``), so that a message allocates no list of
    /// hits. `weights` holds each signal's weight by team and signal index.
    func hits(weights: [[Double]], subjectWeight: Int, reusing storage: inout [SignalHit]) -> [SignalHit] {
        var hits: [SignalHit] = []
        swap(&hits, &storage)
        hits.removeAll(keepingCapacity: true)
        hits.reserveCapacity(signals.count)
        for hit in signals {
            let weight = weights[hit.key.team][hit.key.signal]
            hits.append(SignalHit(
                team: hit.key.team, signal: hit.key.signal,
                weight: weight * (hit.field == .subject ? Double(subjectWeight) : 1), field: hit.field, range: hit.range))
        }
        // Subject before text, then by start (the same order as comparing (field rank, start) tuples).
        hits.sort { left, right in
            let leftRank = left.field == .subject ? 0 : 1
            let rightRank = right.field == .subject ? 0 : 1
            return leftRank != rightRank ? leftRank < rightRank : left.range.lowerBound < right.range.lowerBound
        }
        return hits
    }
}

/// One matched signal of a ``Tally``: which, and the field and range of its best occurrence.
struct TalliedSignal: Sendable {
    let key: SignalKey
    let field: MessageField
    let range: Range<Int>
}

/// A signal by team and index within the team.
struct SignalKey: Equatable, Sendable {
    let team: Int
    let signal: Int
}
