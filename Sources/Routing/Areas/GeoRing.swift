/// One closed ring of a polygon: its corners as longitude, latitude pairs (WGS84 degrees),
/// the last equal to the first, and the box around them.
public struct GeoRing: Sendable, Hashable {
    /// Longitude, latitude, longitude, latitude, … of every corner, the closing one included.
    public let points: [Double]
    /// The box around the ring.
    public let box: GeoBox

    /// Creates a ring from flat longitude, latitude pairs (closed: the last pair repeats the first).
    public init(points: [Double]) {
        self.points = points
        box = GeoBox(points: points)
    }

    /// How many corners the ring has, the closing one included.
    public var count: Int { points.count / 2 }

    /// Whether the ring holds the point, by the crossing rule with half-open edges: a point on
    /// an edge shared by two rings is inside exactly one of them, the same one every time.
    /// Each edge is computed from its lower end, so both rings of a shared edge compute it alike.
    public func contains(lat: Double, lon: Double) -> Bool {
        guard box.contains(lat: lat, lon: lon) else { return false }
        var inside = false
        points.withUnsafeBufferPointer { corner in
            var index = 2
            while index < corner.count {
                var x1 = corner[index - 2], y1 = corner[index - 1]
                var x2 = corner[index], y2 = corner[index + 1]
                index += 2
                if (y1 > lat) == (y2 > lat) { continue }
                if y1 > y2 { swap(&x1, &x2); swap(&y1, &y2) }
                let crossing = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
                if lon < crossing { inside.toggle() }
            }
        }
        return inside
    }
}

/// A box of longitudes and latitudes.
public struct GeoBox: Sendable, Hashable {
    /// The lowest and highest longitude.
    public var minLon, maxLon: Double
    /// The lowest and highest latitude.
    public var minLat, maxLat: Double

    /// The box around flat longitude, latitude pairs (empty: an inverted box).
    public init(points: [Double]) {
        minLon = .infinity; maxLon = -.infinity; minLat = .infinity; maxLat = -.infinity
        var index = 0
        while index + 1 < points.count {
            minLon = min(minLon, points[index]); maxLon = max(maxLon, points[index])
            minLat = min(minLat, points[index + 1]); maxLat = max(maxLat, points[index + 1])
            index += 2
        }
    }

    /// Whether the point lies in the box, its edges included.
    public func contains(lat: Double, lon: Double) -> Bool {
        lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat
    }

    /// Whether the two boxes share more than an edge.
    public func overlaps(_ other: GeoBox) -> Bool {
        minLon < other.maxLon && other.minLon < maxLon && minLat < other.maxLat && other.minLat < maxLat
    }

    /// The smallest box around both.
    func union(_ other: GeoBox) -> GeoBox {
        var box = self
        box.minLon = min(minLon, other.minLon); box.maxLon = max(maxLon, other.maxLon)
        box.minLat = min(minLat, other.minLat); box.maxLat = max(maxLat, other.maxLat)
        return box
    }
}
