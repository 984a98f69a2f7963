import Routing
import XCTest

/// Point in polygon over the Dutch range (no antimeridian): holes, MultiPolygons, borders.
final class GeoPolygonTests: XCTestCase {
    /// The polygons of a GeoJSON text, failing the test on any diagnostic.
    private func polygons(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> [GeoPolygon] {
        let (polygons, diagnostics) = GeoJSONReader.read(Array(json.utf8), path: "area.geojson")
        XCTAssertEqual(diagnostics.map(\.description), [], file: file, line: line)
        return polygons
    }

    /// A square ring `[lon, lat]` from (west, south) to (east, north), counter-clockwise.
    private func square(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> String {
        "[[\(west),\(south)],[\(east),\(south)],[\(east),\(north)],[\(west),\(north)],[\(west),\(south)]]"
    }

    func testAPolygonWithAHoleHoldsPointsBetweenItsRings() throws {
        let found = polygons(#"{"type":"Polygon","coordinates":[\#(square(4.0, 52.0, 5.0, 53.0)),\#(square(4.4, 52.4, 4.6, 52.6))]}"#)
        let polygon = try XCTUnwrap(found.first)
        XCTAssertEqual(polygon.holes.count, 1)
        XCTAssertTrue(polygon.contains(lat: 52.2, lon: 4.2))
        XCTAssertFalse(polygon.contains(lat: 52.5, lon: 4.5), "inside the hole")
        XCTAssertTrue(polygon.contains(lat: 52.5, lon: 4.7), "east of the hole")
        XCTAssertFalse(polygon.contains(lat: 53.5, lon: 4.5), "north of the polygon")
        XCTAssertFalse(polygon.contains(lat: 52.5, lon: 3.9), "west of the polygon")
    }

    func testAMultiPolygonHoldsPointsInEachPartOnly() {
        let found = polygons(#"{"type":"MultiPolygon","coordinates":[[\#(square(4.0, 52.0, 4.2, 52.2))],[\#(square(6.0, 53.0, 6.2, 53.2))]]}"#)
        XCTAssertEqual(found.count, 2)
        XCTAssertTrue(found.contains { $0.contains(lat: 52.1, lon: 4.1) })
        XCTAssertTrue(found.contains { $0.contains(lat: 53.1, lon: 6.1) })
        XCTAssertFalse(found.contains { $0.contains(lat: 52.6, lon: 5.1) }, "between the parts")
    }

    func testAConcavePolygonAcrossTheDutchRange() {
        // A U shape from Zeeland (3.4° E, 51.3° N) to Groningen (7.2° E, 53.5° N).
        let ring = "[[3.4,51.3],[7.2,51.3],[7.2,53.5],[6.0,53.5],[6.0,52.0],[4.6,52.0],[4.6,53.5],[3.4,53.5],[3.4,51.3]]"
        let polygon = polygons(#"{"type":"Polygon","coordinates":[\#(ring)]}"#)[0]
        XCTAssertTrue(polygon.contains(lat: 51.5, lon: 5.3), "the bottom of the U")
        XCTAssertTrue(polygon.contains(lat: 53.0, lon: 4.0), "the left arm")
        XCTAssertTrue(polygon.contains(lat: 53.0, lon: 6.5), "the right arm")
        XCTAssertFalse(polygon.contains(lat: 53.0, lon: 5.3), "inside the U's gap")
        XCTAssertFalse(polygon.contains(lat: 50.9, lon: 5.3), "south of it")
    }

    func testAPointOnASharedBorderIsInExactlyOneOfTwoNeighbours() {
        // Two neighbours sharing the edge at 4.5° E, with a diagonal shared edge too.
        let west = polygons(#"{"type":"Polygon","coordinates":[[[4.0,52.0],[4.5,52.0],[4.7,52.5],[4.0,52.5],[4.0,52.0]]]}"#)[0]
        let east = polygons(#"{"type":"Polygon","coordinates":[[[4.5,52.0],[5.0,52.0],[5.0,52.5],[4.7,52.5],[4.5,52.0]]]}"#)[0]
        for step in 0...20 {
            let lat = 52.0 + Double(step) * 0.025
            let lon = 4.5 + (lat - 52.0) / 0.5 * 0.2  // on the diagonal edge
            let holders = [west, east].filter { $0.contains(lat: lat, lon: lon) }.count
            XCTAssertLessThanOrEqual(holders, 1, "\(lat), \(lon)")
            if step > 0 && step < 20 { XCTAssertEqual(holders, 1, "\(lat), \(lon)") }
            // The same answer every time.
            XCTAssertEqual(west.contains(lat: lat, lon: lon), west.contains(lat: lat, lon: lon))
        }
    }

    func testAThousandCornerRingAgreesWithTheCrossingRuleOverEveryEdge() {
        // A star-shaped ring of 1,000 corners around Leiden; each point is tested by the ring
        // (edges in bands of latitude) and by every edge, the plain way.
        var points: [Double] = []
        for corner in 0..<1000 {
            let angle = Double(corner) / 1000 * 2 * .pi
            let radius = 0.05 + 0.02 * sin(angle * 37)
            points += [4.49 + radius * cos(angle), 52.16 + radius * sin(angle)]
        }
        points += points.prefix(2)
        let ring = GeoRing(points: points)
        var inside = 0
        // A grid of 45 × 45 points over the ring's box, off the corners' latitudes.
        for step in 0..<(45 * 45) {
            let lat = 52.08 + Double(step / 45) * 0.16 / 44 + 0.000_013
            let lon = 4.41 + Double(step % 45) * 0.16 / 44
            var plain = false
            var index = 2
            while index < points.count {
                let (x1, y1, x2, y2) = points[index - 1] < points[index + 1]
                    ? (points[index - 2], points[index - 1], points[index], points[index + 1])
                    : (points[index], points[index + 1], points[index - 2], points[index - 1])
                if (y1 > lat) != (y2 > lat), lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1) { plain.toggle() }
                index += 2
            }
            XCTAssertEqual(ring.contains(lat: lat, lon: lon), plain, "\(lat), \(lon)")
            if plain { inside += 1 }
        }
        XCTAssertGreaterThan(inside, 200)
        XCTAssertLessThan(inside, 1800)
    }

    func testOverlapIsSeenButASharedBorderIsNot() {
        let a = polygons(#"{"type":"Polygon","coordinates":[\#(square(4.0, 52.0, 4.5, 52.5))]}"#)[0]
        let neighbour = polygons(#"{"type":"Polygon","coordinates":[\#(square(4.5, 52.0, 5.0, 52.5))]}"#)[0]
        let overlapping = polygons(#"{"type":"Polygon","coordinates":[\#(square(4.4, 52.1, 4.9, 52.4))]}"#)[0]
        XCTAssertFalse(a.overlaps(neighbour))
        XCTAssertTrue(a.overlaps(overlapping))
    }
}

