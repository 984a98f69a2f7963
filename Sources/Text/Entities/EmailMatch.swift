/// An e-mail address found in a text.
public struct EmailMatch: Sendable, Hashable {
    /// The address as written (`local@domain`).
    public var address: String
    /// Where it was written.
    public var range: TextRange

    /// Creates a match.
    public init(address: String, range: TextRange) {
        self.address = address
        self.range = range
    }
}
