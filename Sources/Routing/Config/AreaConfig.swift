/// An `[area NAME]` section: the postcodes and place names that make up an area.
public struct AreaConfig: Sendable, Hashable {
    /// The area name, as written in the header.
    public var name: String
    /// Postcode number ranges (the four digits), each with low <= high.
    public var postcodeRanges: [ClosedRange<Int>]
    /// Place names, as written.
    public var places: [String]
    /// Where the section header is.
    public var location: SourceLocation

    /// Creates an area.
    public init(name: String, postcodeRanges: [ClosedRange<Int>] = [], places: [String] = [],
                location: SourceLocation) {
        self.name = name
        self.postcodeRanges = postcodeRanges
        self.places = places
        self.location = location
    }

    /// Whether the four digits of a postcode fall in one of the area's ranges.
    public func contains(postcodeNumber number: Int) -> Bool {
        postcodeRanges.contains { $0.contains(number) }
    }
}
