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

    /// Where a match of `meaning` in `field` would go, or nil when it would change nothing (so
    /// that the caller skips working out its range): one search through the matches, whose
    /// answer ``record(_:field:range:at:)`` takes.
    func slot(for meaning: PatternMeaning, field: MessageField) -> Slot? {
        switch meaning {
        case .signal(let team, let signal):
            let key = SignalKey(team: team, signal: signal)
            guard let index = signals.firstIndex(where: { $0.key == key }) else { return .new }
            // A match in the subject counts more than one in the text, and replaces it.
            return signals[index].field == .text && field == .subject ? .signal(index) : nil
        case .urgent(let index):
            return urgent.contains(index) ? nil : .new
        case .place:
            return place == nil ? .new : nil
        }
    }

    /// Records a match of `meaning` in `field` over `range` at `slot`, which
    /// ``slot(for:field:)`` gave for it.
    mutating func record(_ meaning: PatternMeaning, field: MessageField, range: Range<Int>, at slot: Slot) {
        switch (meaning, slot) {
        case (.signal(let team, let signal), .new):
            // Room for a typical message's matches at once, instead of growing from empty.
            if signals.capacity == 0 { signals.reserveCapacity(16) }
            signals.append(TalliedSignal(key: SignalKey(team: team, signal: signal), field: field, range: range))
        case (.signal(let team, let signal), .signal(let index)):
            signals[index] = TalliedSignal(key: SignalKey(team: team, signal: signal), field: field, range: range)
        case (.urgent(let index), _):
            urgent.append(index)
        case (.place(let area, let index), _):
            place = (area, index)
        }
    }

    /// Where a match goes: a new entry, or in place of the tallied signal at an index.
    enum Slot: Equatable {
        case new
        case signal(Int)
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
