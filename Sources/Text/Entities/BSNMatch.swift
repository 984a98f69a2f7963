/// A burgerservicenummer (BSN) found in a text.
///
/// Only the place is kept, never the digits, so a match can be logged or passed on safely.
public struct BSNMatch: Sendable, Hashable {
    /// Where it was written, dots or spaces included.
    public var range: TextRange

    /// Creates a match.
    public init(range: TextRange) {
        self.range = range
    }
}
