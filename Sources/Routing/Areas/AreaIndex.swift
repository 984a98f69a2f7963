import Messages
import Text

/// The areas of a configuration compiled for lookups: a table of the 9,000 postcode numbers,
/// hashes of street and place names, and a grid of polygons. Finds a message's area from its
/// clues, in order of trust: map point, postcode, street, place.
struct AreaIndex: Sendable {
    /// Area of each postcode number 1000–9999 (at `number − 1000`), −1 for none.
    private let postcodeAreas: [Int16]
    /// Area of each folded street name; ``ambiguous`` for a street listed in two areas.
    private let streetAreas: [String: Int]
    /// Area of each folded place name (the first area that lists it).
    private let placeAreas: [String: Int]
    private let polygons: PolygonIndex
    private let hasPostcodes: Bool
    private let hasPlaces: Bool
    private static let ambiguous = -1

    /// Whether the configuration has no areas: then nothing is looked up.
    let isEmpty: Bool

    /// Compiles the areas.
    init(areas: [AreaConfig]) {
        isEmpty = areas.isEmpty
        var postcodes = [Int16](repeating: -1, count: 9000)
        var streets: [String: Int] = [:]
        var places: [String: Int] = [:]
        for (index, area) in areas.enumerated() {
            for range in area.postcodeRanges {
                for number in max(1000, range.lowerBound)...min(9999, range.upperBound) where postcodes[number - 1000] < 0 {
                    postcodes[number - 1000] = Int16(index)
                }
            }
            for street in area.streets {
                let key = Self.streetKey(street)
                if let owner = streets[key], owner != index { streets[key] = Self.ambiguous } else { streets[key] = index }
            }
            for place in area.places where places[Self.streetKey(place)] == nil {
                places[Self.streetKey(place)] = index
            }
        }
        postcodeAreas = postcodes
        streetAreas = streets
        placeAreas = places
        polygons = PolygonIndex(areas: areas)
        hasPostcodes = areas.contains { !$0.postcodeRanges.isEmpty }
        hasPlaces = areas.contains { !$0.places.isEmpty }
    }

    /// A street or place name as compared: folded (no case, no diacritics), spaces collapsed.
    static func streetKey(_ name: String) -> String {
        var name = name
        // Most names are ASCII: lower-cased and spaces collapsed in one pass (a name of up to 15
        // bytes then needs no allocation at all).
        let ascii: String? = name.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for byte in bytes {
                    let space = byte == 0x20 || byte == 0x09
                    if space && (count == 0 || out[count - 1] == 0x20) { continue }
                    out[count] = space ? 0x20 : (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                    count += 1
                }
                if count > 0 && out[count - 1] == 0x20 { count -= 1 }
                return count
            }
        }
        return ascii ?? TextFolding.fold(name).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The area of a postcode (`2221AB` or `2221`), if one lists it.
    func area(postcode: String) -> Int? {
        guard let number = Self.postcodeNumber(postcode) else { return nil }
        let area = postcodeAreas[number - 1000]
        return area < 0 ? nil : Int(area)
    }

    /// The area of a street that belongs to exactly one area.
    func area(street: String) -> Int? {
        guard !streetAreas.isEmpty, let area = streetAreas[Self.streetKey(street)], area != Self.ambiguous else { return nil }
        return area
    }

    /// The first area that lists a place.
    func area(place: String) -> Int? {
        placeAreas.isEmpty ? nil : placeAreas[Self.streetKey(place)]
    }

    /// The area of the first polygon that holds a point.
    func area(point: Coordinates) -> Int? {
        polygons.area(lat: point.lat, lon: point.lon)
    }

    /// The message's area from its clues, in order of trust: a map point, a postcode, a street
    /// that belongs to one area, a place; within each, a form's field before the text. The
    /// first clue that lies in an area decides. When none does, the most trusted clue that the
    /// areas could have placed (a point with polygons, a postcode with postcode ranges, a form's
    /// place with place names) says the message lies outside every area; nil when there is none.
    func find(_ clues: AreaClues) -> AreaFinding? {
        var outside: AreaFinding?
        if let point = clues.point {
            if let area = area(point: point) { return AreaFinding(area: area, by: .point, value: Self.text(point)) }
            if !polygons.isEmpty { outside = AreaFinding(area: nil, by: .point, value: Self.text(point)) }
        }
        // Each kind: the form's field, then the text (no array of the two: this runs per message).
        for postcode in CluePair(clues.postcode, clues.textPostcode) {
            guard let number = Self.postcodeNumber(postcode) else { continue }
            if let area = area(postcode: postcode) { return AreaFinding(area: area, by: .postcode, value: String(number)) }
            if hasPostcodes && outside == nil { outside = AreaFinding(area: nil, by: .postcode, value: String(number)) }
        }
        for street in CluePair(clues.street, clues.textStreet) {
            if let area = area(street: street) { return AreaFinding(area: area, by: .street, value: street) }
        }
        if let place = clues.place {
            if let area = area(place: place) { return AreaFinding(area: area, by: .place, value: place) }
            if hasPlaces && outside == nil { outside = AreaFinding(area: nil, by: .place, value: place) }
        }
        if let text = clues.textPlace { return AreaFinding(area: text.area, by: .place, value: text.name) }
        return outside
    }

    /// The four digits of a postcode written as `2221AB`, `2221 AB` or `2221`.
    static func postcodeNumber(_ postcode: String) -> Int? {
        var number = 0
        var count = 0
        for byte in postcode.utf8.prefix(4) {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            number = number * 10 + Int(byte - 0x30)
            count += 1
        }
        return count == 4 && number >= 1000 ? number : nil
    }

    /// A point as `52.17,4.44`, as the reason shows it.
    private static func text(_ point: Coordinates) -> String {
        "\(point.lat),\(point.lon)"
    }
}

/// What a message says about where it is, for ``AreaIndex/find(_:)``: a form's fields and the
/// first of each kind the text mentions.
struct AreaClues {
    /// The form's map point.
    var point: Coordinates?
    /// The form's postcode field.
    var postcode: String?
    /// The first postcode in the subject or text.
    var textPostcode: String?
    /// The form's street field.
    var street: String?
    /// The street of the first house number in the subject or text.
    var textStreet: String?
    /// The form's place field.
    var place: String?
    /// The first place name of an `[area]` in the subject or text, with that area.
    var textPlace: (name: String, area: Int)?
}

/// A form's clue and the text's, iterated in that order, skipping absent ones.
private struct CluePair: Sequence, IteratorProtocol {
    private var first: String?
    private var second: String?

    init(_ first: String?, _ second: String?) {
        self.first = first
        self.second = second
    }

    mutating func next() -> String? {
        if let value = first { first = nil; return value }
        if let value = second { second = nil; return value }
        return nil
    }
}
