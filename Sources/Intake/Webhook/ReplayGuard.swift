import Synchronization

/// Remembers verified webhook signatures for as long as their timestamp is acceptable, so
/// the same signed request is not taken twice. Memory is bounded: beyond `capacity` the
/// entries that expire first are dropped.
public final class ReplayGuard: Sendable {
    private struct State {
        var expiries: [String: Int64] = [:]
        var order: [(key: String, expires: Int64)] = []
        var head = 0
    }

    /// Most entries kept.
    public let capacity: Int
    private let state = Mutex(State())

    /// A guard holding at most `capacity` entries.
    public init(capacity: Int = 200_000) {
        self.capacity = capacity
    }

    /// Records `key` until `expires` (Unix seconds); false when it is already recorded and
    /// not expired at `now` (a replay).
    public func admit(_ key: String, expires: Int64, now: Int64) -> Bool {
        state.withLock { state in
            Self.prune(&state, now: now, capacity: capacity)
            if let known = state.expiries[key], known > now { return false }
            state.expiries[key] = expires
            state.order.append((key, expires))
            return true
        }
    }

    /// Forgets `key`, so the same request may be sent again (after it could not be committed).
    public func forget(_ key: String) {
        state.withLock { _ = $0.expiries.removeValue(forKey: key) }
    }

    /// Entries held now.
    public var count: Int { state.withLock { $0.expiries.count } }

    private static func prune(_ state: inout State, now: Int64, capacity: Int) {
        while state.head < state.order.count {
            let oldest = state.order[state.head]
            guard oldest.expires <= now || state.expiries.count >= capacity else { break }
            if state.expiries[oldest.key] == oldest.expires { state.expiries.removeValue(forKey: oldest.key) }
            state.head += 1
        }
        if state.head > 1024 && state.head * 2 > state.order.count {
            state.order.removeFirst(state.head)
            state.head = 0
        }
    }
}
