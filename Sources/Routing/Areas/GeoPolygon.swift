/// One polygon of an area: an outer ring and any holes, in WGS84 degrees, read from GeoJSON.
public struct GeoPolygon: Sendable, Hashable {
    /// The outer ring.
    public let outer: GeoRing
    /// The holes: points inside one of them are outside the polygon.
    public let holes: [GeoRing]
    /// The file and line the polygon was read from, for warnings.
    public let location: SourceLocation

    /// Creates a polygon.
    public init(outer: GeoRing, holes: [GeoRing] = [], location: SourceLocation) {
        self.outer = outer
        self.holes = holes
        self.location = location
    }

    /// The box around the outer ring.
    public var box: GeoBox { outer.box }

    /// Whether the polygon holds the point: inside the outer ring and in none of the holes.
    public func contains(lat: Double, lon: Double) -> Bool {
        outer.contains(lat: lat, lon: lon) && !holes.contains { $0.contains(lat: lat, lon: lon) }
    }

    /// Whether the two polygons share ground, not only a border: a corner of one lies inside
    /// the other and off its edges. Cheap and enough for a warning; crossings without a corner
    /// inside are not seen.
    public func overlaps(_ other: GeoPolygon) -> Bool {
        overlaps(other, corners: GeoCorners(self), otherCorners: GeoCorners(other))
    }

    /// ``overlaps(_:)`` with the corners of both polygons gathered beforehand (by a caller that
    /// compares each polygon with many): a corner both share lies on their border and is not
    /// tested further, which keeps neighbours with a common border cheap to compare.
    func overlaps(_ other: GeoPolygon, corners: GeoCorners, otherCorners: GeoCorners) -> Bool {
        guard box.overlaps(other.box) else { return false }
        return hasCorner(strictlyInside: other, skipping: otherCorners) || other.hasCorner(strictlyInside: self, skipping: corners)
    }

    private func hasCorner(strictlyInside other: GeoPolygon, skipping shared: GeoCorners) -> Bool {
        let points = outer.points
        var index = 0
        while index + 1 < points.count {
            let lon = points[index], lat = points[index + 1]
            index += 2
            guard other.box.contains(lat: lat, lon: lon), !shared.contains(lon: lon, lat: lat) else { continue }
            if other.contains(lat: lat, lon: lon) && !other.outer.isNear(lat: lat, lon: lon) { return true }
        }
        return false
    }
}

/// The corners of a polygon's outer ring, for telling shared border corners apart quickly.
struct GeoCorners {
    private let corners: Set<GeoCorner>

    init(_ polygon: GeoPolygon) {
        var corners = Set<GeoCorner>(minimumCapacity: polygon.outer.count)
        let points = polygon.outer.points
        var index = 0
        while index + 1 < points.count {
            corners.insert(GeoCorner(lon: points[index].bitPattern, lat: points[index + 1].bitPattern))
            index += 2
        }
        self.corners = corners
    }

    func contains(lon: Double, lat: Double) -> Bool {
        corners.contains(GeoCorner(lon: lon.bitPattern, lat: lat.bitPattern))
    }
}

private struct GeoCorner: Hashable {
    let lon: UInt64
    let lat: UInt64
}

extension GeoRing {
    /// Whether the point lies within about a centimetre of one of the ring's edges.
    func isNear(lat: Double, lon: Double, tolerance: Double = 1e-7) -> Bool {
        var index = 2
        while index < points.count {
            let x1 = points[index - 2], y1 = points[index - 1], x2 = points[index], y2 = points[index + 1]
            index += 2
            let dx = x2 - x1, dy = y2 - y1
            let length = dx * dx + dy * dy
            let t = length == 0 ? 0 : max(0, min(1, ((lon - x1) * dx + (lat - y1) * dy) / length))
            let ex = x1 + t * dx - lon, ey = y1 + t * dy - lat
            if ex * ex + ey * ey <= tolerance * tolerance { return true }
        }
        return false
    }
}
