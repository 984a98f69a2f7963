/// A Dutch telephone number found in a text.
public struct PhoneMatch: Sendable, Hashable {
    /// The number in international form without separators, e.g. `"+31612345678"`.
    public var number: String
    /// Where it was written, prefixes and separators included.
    public var range: TextRange

    /// Creates a match.
    public init(number: String, range: TextRange) {
        self.number = number
        self.range = range
    }
}
