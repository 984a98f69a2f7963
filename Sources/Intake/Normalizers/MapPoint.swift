import Messages

/// Finds the map point a form or webhook gives: `lat`/`lon` (or `latitude`/`longitude`,
/// `lng`, `breedtegraad`/`lengtegraad`) in one object, a `coordinates` pair, or a GeoJSON
/// Point geometry such as the Open Formulieren map component posts
/// (`{"type": "Point", "coordinates": [lon, lat]}`; older releases: `[lat, lon]`).
///
/// A pair of numbers is read in the Dutch range when it fits it either way round (latitude
/// 50–54, longitude 3–8), else in GeoJSON order, longitude first. Values are searched in
/// order, nested objects too (an address or map component); the first point found wins.
enum MapPoint {
    private static let latitudeKeys: Set<String> = ["lat", "latitude", "breedtegraad"]
    private static let longitudeKeys: Set<String> = ["lon", "lng", "long", "longitude", "lengtegraad"]
    /// Keys whose value may be a point as a pair of numbers or a `"lat, lon"` string.
    private static let pairKeys: Set<String> = [
        "coordinates", "coordinaten", "coords", "latlng", "latlon", "locatie", "location", "kaart", "map", "point", "punt",
    ]
    private static let maxDepth = 4

    /// The first valid point in `object`, or nil.
    static func find(in object: IntakeJSON.Object) -> Coordinates? {
        find(in: object, depth: 0)
    }

    private static func find(in object: IntakeJSON.Object, depth: Int) -> Coordinates? {
        if let point = geometry(object) ?? latitudeLongitude(object) { return point }
        for (key, value) in object.members {
            let folded = FormField.fold(key)
            if pairKeys.contains(folded), let point = pair(value) { return point }
            guard depth + 1 < maxDepth else { continue }
            switch value {
            case .object(let child):
                if let point = find(in: child, depth: depth + 1) { return point }
            case .array(let items) where items.count <= 16:
                for case .object(let child) in items {
                    if let point = find(in: child, depth: depth + 1) { return point }
                }
            default:
                continue
            }
        }
        return nil
    }

    /// A GeoJSON Point geometry, or a Feature holding one.
    private static func geometry(_ object: IntakeJSON.Object) -> Coordinates? {
        guard let type = object["type"]?.string else { return nil }
        if type == "Feature", let inner = object["geometry"]?.object { return geometry(inner) }
        guard type == "Point", let numbers = object["coordinates"]?.array, numbers.count >= 2,
              let first = numbers[0].doubleValue, let second = numbers[1].doubleValue else { return nil }
        return oriented(first, second, geoJSONOrder: true)
    }

    /// `lat` and `lon` members of one object.
    private static func latitudeLongitude(_ object: IntakeJSON.Object) -> Coordinates? {
        var latitude: Double?
        var longitude: Double?
        for (key, value) in object.members {
            let folded = FormField.fold(key)
            if latitude == nil, latitudeKeys.contains(folded) { latitude = value.doubleValue }
            if longitude == nil, longitudeKeys.contains(folded) { longitude = value.doubleValue }
        }
        guard let latitude, let longitude else { return nil }
        let point = Coordinates(lat: latitude, lon: longitude)
        return point.isValid ? point : nil
    }

    /// `[a, b]`, `"a, b"` or a geometry object.
    private static func pair(_ value: IntakeJSON.Node) -> Coordinates? {
        switch value {
        case .array(let numbers) where numbers.count == 2 || numbers.count == 3:
            guard let first = numbers[0].doubleValue, let second = numbers[1].doubleValue else { return nil }
            return oriented(first, second, geoJSONOrder: true)
        case .string(let text):
            // Both with decimals, as map points are written: `12 14` in a location field is a house number.
            let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " })
            guard parts.count == 2, parts.allSatisfy({ $0.contains(".") }),
                  let first = Double(parts[0]), let second = Double(parts[1]) else { return nil }
            return oriented(first, second, geoJSONOrder: false)
        case .object(let object):
            return geometry(object) ?? latitudeLongitude(object)
        default:
            return nil
        }
    }

    /// The point of a pair: in the Dutch range whichever way round it fits, else in the
    /// pair's usual order (GeoJSON: longitude first; text: latitude first).
    static func oriented(_ first: Double, _ second: Double, geoJSONOrder: Bool) -> Coordinates? {
        let dutchLatitude = 50.0...54.0, dutchLongitude = 3.0...8.0
        let point: Coordinates
        if dutchLatitude.contains(first) && dutchLongitude.contains(second) {
            point = Coordinates(lat: first, lon: second)
        } else if dutchLongitude.contains(first) && dutchLatitude.contains(second) {
            point = Coordinates(lat: second, lon: first)
        } else {
            point = geoJSONOrder ? Coordinates(lat: second, lon: first) : Coordinates(lat: first, lon: second)
        }
        return point.isValid ? point : nil
    }
}
