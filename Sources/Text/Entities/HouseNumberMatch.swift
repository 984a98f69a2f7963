/// A house number (with any suffix) found in a text.
public struct HouseNumberMatch: Sendable, Hashable {
    /// The number in normalized form: the digits, a house letter in capitals, and any further
    /// suffix after a `-` in capitals: `"12"`, `"12A"`, `"12-2"`, `"12-II"`, `"12A-HS"`, `"12-BIS"`.
    public var number: String
    /// The street name as written before the number (`"Dorpsstraat"`), when there is one.
    public var street: String?
    /// Where the number and its suffix were written (the street is not included).
    public var range: TextRange

    /// Creates a match.
    public init(number: String, street: String?, range: TextRange) {
        self.number = number
        self.street = street
        self.range = range
    }
}
