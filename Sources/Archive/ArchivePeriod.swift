/// A span of days, `--since` and `--until`, both inclusive and both optional, compared with
/// the day a message was received.
public struct ArchivePeriod: Sendable, Hashable {
    /// First day, `YYYY-MM-DD`, or nil for no lower bound.
    public var since: String?
    /// Last day, `YYYY-MM-DD`, or nil for no upper bound.
    public var until: String?

    /// A period; nil bounds are open.
    public init(since: String? = nil, until: String? = nil) {
        self.since = since
        self.until = until
    }

    /// Whether a message received on `day` (`YYYY-MM-DD`, or a longer RFC 3339 time) falls in it.
    public func contains<Day: StringProtocol>(_ day: Day) -> Bool {
        let day = day.prefix(10)
        if let since, day < since[...] { return false }
        if let until, day > until[...] { return false }
        return true
    }

    /// The first segment that can hold a message of the period: a message is written on the day
    /// it was received or later, so segments before `since` hold none.
    public var firstSegment: String? { since }
}
