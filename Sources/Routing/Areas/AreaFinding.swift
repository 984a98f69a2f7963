/// How a message's area was found, in order of trust.
public enum AreaBy: String, Sendable, Hashable {
    /// A map point inside one of the area's polygons.
    case point
    /// A postcode in one of the area's ranges.
    case postcode
    /// A street listed in this area alone.
    case street
    /// A place name the area lists.
    case place
}

/// The area a message lies in, or the clue that places it outside every area.
public struct AreaFinding: Sendable, Hashable {
    /// Index of the area in ``RoutingConfig/areas``; nil when the message lies outside every area.
    public var area: Int?
    /// The kind of clue that decided.
    public var by: AreaBy
    /// The clue as shown in reasons: `2221` (the postcode's digits), `52.17,4.44`, a street or place.
    public var value: String

    /// Creates a finding.
    public init(area: Int?, by: AreaBy, value: String) {
        self.area = area
        self.by = by
        self.value = value
    }

    /// `postcode 2221`.
    public var clue: String { "\(by.rawValue) \(value)" }
}
