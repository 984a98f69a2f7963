/// One occurrence of a pattern: which matcher found it (0 or 1), the pattern's identifier in
/// that matcher, and the offset just past it.
public struct PatternHit: Sendable, Hashable {
    /// 0 for the first matcher, 1 for the second.
    public let matcher: Int
    /// The pattern's index in the patterns its matcher was compiled from.
    public let pattern: Int
    /// The offset just past the occurrence.
    public let end: Int
}

/// Storage for ``PatternMatcher/matches(_:in:and:in:into:)``: the matches found, and the
/// states noted on the way.
public struct MatchBuffers: Sendable {
    /// Storage of the (state, end) pairs noted in each text, only ever grown: the last scan's
    /// are its first `firstCount` (`secondCount`) entries.
    @usableFromInline var first: [Int] = []
    @usableFromInline var second: [Int] = []
    @usableFromInline var firstCount = 0
    @usableFromInline var secondCount = 0
    /// The matches of the last scan, in the order ``PatternMatcher/forEachMatch(_:in:and:in:_:)``
    /// reports them.
    public internal(set) var hits: [PatternHit] = []

    /// Creates empty buffers.
    public init() {}

    /// The states with outputs that the text of matcher `which` (0 or 1) reached in the last
    /// ``PatternMatcher/noteStates(_:and:in:into:)``, as pairs: at even indices a state (for
    /// ``PatternMatcher/outputs(ofNoted:)``), after each the offset just past the match.
    @inlinable
    public func noted(by which: Int) -> ArraySlice<Int> { which == 0 ? first[..<firstCount] : second[..<secondCount] }

    /// Grows `storage` to at least `count` entries (their values do not matter).
    static func makeRoom(_ storage: inout [Int], _ count: Int) {
        if storage.count < count { storage.append(contentsOf: repeatElement(0, count: max(count, 2 * storage.count) - storage.count)) }
    }
}
