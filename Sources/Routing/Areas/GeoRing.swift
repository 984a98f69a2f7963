/// One closed ring of a polygon: its corners as longitude, latitude pairs (WGS84 degrees),
/// the last equal to the first, and the box around them.
public struct GeoRing: Sendable, Hashable {
    /// Longitude, latitude, longitude, latitude, … of every corner, the closing one included.
    public let points: [Double]
    /// The box around the ring.
    public let box: GeoBox
    /// The edges in bands of latitude: band `b` holds edge numbers
    /// `bandEdges[bandStarts[b]..<bandStarts[b + 1]]` (an edge is in every band its latitudes
    /// reach), so a point is tested against the edges near its latitude only.
    private let bandStarts: [Int32]
    private let bandEdges: [Int32]

    /// Creates a ring from flat longitude, latitude pairs (closed: the last pair repeats the first).
    public init(points: [Double]) {
        self.points = points
        let box = GeoBox(points: points)
        self.box = box
        let edges = max(0, points.count / 2 - 1)
        let bands = max(1, edges / 8)
        var buckets = [[Int32]](repeating: [], count: bands)
        for edge in 0..<edges {
            let y1 = points[2 * edge + 1], y2 = points[2 * edge + 3]
            let low = Self.band(min(y1, y2), box: box, bands: bands), high = Self.band(max(y1, y2), box: box, bands: bands)
            for band in low...high { buckets[band].append(Int32(edge)) }
        }
        var starts: [Int32] = [0]
        starts.reserveCapacity(bands + 1)
        var all: [Int32] = []
        all.reserveCapacity(edges * 2)
        for bucket in buckets {
            all += bucket
            starts.append(Int32(all.count))
        }
        bandStarts = starts
        bandEdges = all
    }

    private static func band(_ lat: Double, box: GeoBox, bands: Int) -> Int {
        let height = box.maxLat - box.minLat
        guard height > 0 else { return 0 }
        return min(bands - 1, max(0, Int((lat - box.minLat) / height * Double(bands))))
    }

    /// How many corners the ring has, the closing one included.
    public var count: Int { points.count / 2 }

    /// Whether the ring holds the point, by the crossing rule with half-open edges: a point on
    /// an edge shared by two rings is inside exactly one of them, the same one every time.
    /// Each edge is computed from its lower end, so both rings of a shared edge compute it alike.
    public func contains(lat: Double, lon: Double) -> Bool {
        guard box.contains(lat: lat, lon: lon) else { return false }
        var inside = false
        let band = Self.band(lat, box: box, bands: bandStarts.count - 1)
        points.withUnsafeBufferPointer { corner in
            for edge in bandEdges[Int(bandStarts[band])..<Int(bandStarts[band + 1])] {
                let index = 2 * Int(edge) + 2
                var x1 = corner[index - 2], y1 = corner[index - 1]
                var x2 = corner[index], y2 = corner[index + 1]
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
