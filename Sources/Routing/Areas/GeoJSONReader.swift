/// Reads the polygons of a GeoJSON file (RFC 7946, WGS84): a Polygon or MultiPolygon, a
/// Feature holding one, a FeatureCollection or a GeometryCollection of them. Pure: it is given
/// the file's bytes. Every problem is an error at the file's line where the parser knows it.
public enum GeoJSONReader {
    /// The polygons of the file at `path` (its bytes), or the problems that make it unusable.
    public static func read(_ bytes: [UInt8], path: String) -> (polygons: [GeoPolygon], diagnostics: [Diagnostic]) {
        var reader = Reader(path: path)
        switch GeoJSONParser.parse(bytes) {
        case .failure(let error):
            return ([], [.error("not valid JSON: \(error.message)", at: reader.at(error.line))])
        case .success(let root):
            reader.readObject(root, depth: 0)
        }
        if reader.diagnostics.isEmpty && reader.polygons.isEmpty {
            reader.diagnostics.append(.error("the file holds no Polygon or MultiPolygon", at: reader.at(1)))
        }
        return (reader.diagnostics.isEmpty ? reader.polygons : [], reader.diagnostics)
    }
}

private struct Reader {
    let path: String
    var polygons: [GeoPolygon] = []
    var diagnostics: [Diagnostic] = []
    /// Errors reported at most this many per file: one broken file should not flood `check`.
    private let maxErrors = 20

    init(path: String) { self.path = path }

    func at(_ line: Int) -> SourceLocation { SourceLocation(path: path, line: line, column: 1) }

    mutating func fail(_ message: String, _ line: Int) {
        if diagnostics.count < maxErrors { diagnostics.append(.error(message, at: at(line))) }
    }

    mutating func readObject(_ node: GeoJSONNode, depth: Int) {
        guard case .object = node.value, let type = node["type"]?.string else {
            fail("expected a GeoJSON object with a \"type\"", node.line)
            return
        }
        switch type {
        case "FeatureCollection" where depth == 0:
            guard let features = node["features"]?.array else { return fail("a FeatureCollection needs a \"features\" array", node.line) }
            for feature in features { readObject(feature, depth: depth + 1) }
        case "Feature":
            guard let geometry = node["geometry"], case .object = geometry.value else {
                return fail("a Feature without a geometry object", node.line)
            }
            readObject(geometry, depth: depth + 1)
        case "GeometryCollection" where depth < 3:
            guard let geometries = node["geometries"]?.array else { return fail("a GeometryCollection needs \"geometries\"", node.line) }
            for geometry in geometries { readObject(geometry, depth: depth + 1) }
        case "Polygon":
            guard let coordinates = node["coordinates"] else { return fail("a Polygon without \"coordinates\"", node.line) }
            readPolygon(coordinates)
        case "MultiPolygon":
            guard let coordinates = node["coordinates"] else { return fail("a MultiPolygon without \"coordinates\"", node.line) }
            guard let parts = coordinates.array else {
                return fail("MultiPolygon coordinates must be an array of polygons (arrays of rings)", coordinates.line)
            }
            for part in parts { readPolygon(part) }
        default:
            fail("a \(type) where a Polygon, MultiPolygon, Feature or FeatureCollection was expected", node.line)
        }
    }

    /// `[[ring], [hole], …]`, each ring `[[lon, lat], …]`.
    private mutating func readPolygon(_ node: GeoJSONNode) {
        guard let ringNodes = node.array, !ringNodes.isEmpty else {
            return fail("Polygon coordinates must be an array of rings, each an array of [longitude, latitude] positions",
                        node.line)
        }
        var rings: [GeoRing] = []
        for ringNode in ringNodes {
            guard let ring = readRing(ringNode) else { return }
            rings.append(ring)
        }
        polygons.append(GeoPolygon(outer: rings[0], holes: Array(rings.dropFirst()), location: at(node.line)))
    }

    private mutating func readRing(_ node: GeoJSONNode) -> GeoRing? {
        guard let positions = node.array else {
            fail("a ring must be an array of [longitude, latitude] positions (wrong nesting)", node.line)
            return nil
        }
        var points: [Double] = []
        points.reserveCapacity(positions.count * 2)
        for position in positions {
            guard case .position(let lon, let lat) = position.value else {
                fail("a position must be [longitude, latitude] (wrong nesting)", position.line)
                return nil
            }
            guard (-180...180).contains(lon), (-90...90).contains(lat) else {
                fail("coordinates out of range: [\(lon), \(lat)] (longitude −180..180, latitude −90..90, WGS84)",
                     position.line)
                return nil
            }
            points.append(lon)
            points.append(lat)
        }
        guard positions.count >= 4 else {
            fail("a ring needs at least 4 positions, the last repeating the first (has \(positions.count))", node.line)
            return nil
        }
        guard points[0] == points[points.count - 2], points[1] == points[points.count - 1] else {
            fail("the ring is not closed: its last position must repeat the first", node.line)
            return nil
        }
        return GeoRing(points: points)
    }
}
