/// An `[area NAME]` section: the map polygons, postcodes, streets and place names that make up
/// an area.
public struct AreaConfig: Sendable, Hashable {
    /// The area name, as written in the header.
    public var name: String
    /// Postcode number ranges (the four digits), each with low <= high.
    public var postcodeRanges: [ClosedRange<Int>]
    /// Place names, as written.
    public var places: [String]
    /// Street names, as written in `streets` and then read from the `streets-file` files.
    public var streets: [String] = []
    /// `streets-file`: files of street names, one per line, as written.
    public var streetFiles: [AreaFile] = []
    /// `polygons`: GeoJSON files, as written.
    public var polygonFiles: [AreaFile] = []
    /// The polygons read from ``polygonFiles`` (by ``ConfigLoader``; empty until then).
    public var polygons: [GeoPolygon] = []
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

/// A file an `[area]` names (`polygons`, `streets-file`), as written, and where it is named.
public struct AreaFile: Sendable, Hashable {
    /// The path as written; relative to the configuration's folder.
    public var path: String
    /// Where the value is in routing.conf.
    public var location: SourceLocation

    /// Creates a file reference.
    public init(path: String, location: SourceLocation) {
        self.path = path
        self.location = location
    }
}
