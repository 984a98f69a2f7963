/// A Dutch postcode found in a text.
public struct PostcodeMatch: Sendable, Hashable {
    /// The postcode in normalized form: four digits and two capital letters, e.g. `"2221AB"`.
    public var postcode: String
    /// Where it was written, space included.
    public var range: TextRange

    /// Creates a match.
    public init(postcode: String, range: TextRange) {
        self.postcode = postcode
        self.range = range
    }
}
