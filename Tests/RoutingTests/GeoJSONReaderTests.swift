import Routing
import XCTest

/// Bad GeoJSON is an error at the file's line.
final class GeoJSONReaderTests: XCTestCase {
    private func assertError(_ json: String, line: Int, _ substring: String,
                             file: StaticString = #filePath, sourceLine: UInt = #line) {
        let (polygons, diagnostics) = GeoJSONReader.read(Array(json.utf8), path: "noord.geojson")
        XCTAssertEqual(polygons.count, 0, file: file, line: sourceLine)
        XCTAssertEqual(diagnostics.count, 1, diagnostics.map(\.description).joined(separator: "\n"), file: file, line: sourceLine)
        guard let diagnostic = diagnostics.first else { return }
        XCTAssertTrue(diagnostic.isError, file: file, line: sourceLine)
        XCTAssertEqual(diagnostic.location.path, "noord.geojson", file: file, line: sourceLine)
        XCTAssertEqual(diagnostic.location.line, line, diagnostic.description, file: file, line: sourceLine)
        XCTAssertTrue(diagnostic.message.contains(substring), diagnostic.description, file: file, line: sourceLine)
    }

    func testAFeatureCollectionOfPolygonsAndMultiPolygonsIsRead() {
        let json = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"naam": "Noord \\"oud\\""},
               "geometry": {"type": "Polygon", "coordinates": [[[4.4, 52.2], [4.5, 52.2], [4.5, 52.3], [4.4, 52.2]]]}},
              {"type": "Feature", "properties": null,
               "geometry": {"type": "MultiPolygon", "coordinates": [[[[4.6, 52.2], [4.7, 52.2], [4.7, 52.3], [4.6, 52.2]]],
                                                                    [[[4.8, 52.2], [4.9, 52.2], [4.9, 52.3, 1.5], [4.8, 52.2]]]]}}
            ]}
            """
        let (polygons, diagnostics) = GeoJSONReader.read(Array(json.utf8), path: "a.geojson")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(polygons.count, 3)
        XCTAssertEqual(polygons.map(\.location.line), [3, 5, 6])
        XCTAssertEqual(polygons[0].outer.points.prefix(2), [4.4, 52.2])
    }

    func testWrongNestingIsAnErrorAtItsLine() {
        assertError("""
            {"type": "Polygon",
             "coordinates": [[4.4, 52.2], [4.5, 52.2], [4.5, 52.3], [4.4, 52.2]]}
            """, line: 2, "wrong nesting")
    }

    func testARingOfFewerThanFourPositionsIsAnError() {
        assertError("""
            {"type": "Polygon", "coordinates": [
              [[4.4, 52.2], [4.5, 52.2], [4.4, 52.2]]
            ]}
            """, line: 2, "at least 4 positions")
    }

    func testAnUnclosedRingIsAnError() {
        assertError("""
            {"type": "Polygon", "coordinates": [
              [[4.4, 52.2], [4.5, 52.2], [4.5, 52.3], [4.4, 52.3]]
            ]}
            """, line: 2, "not closed")
    }

    func testCoordinatesOutOfRangeAreAnError() {
        assertError("""
            {"type": "Polygon", "coordinates": [[
              [4.4, 52.2], [4.5, 52.2],
              [452.3, 4.5], [4.4, 52.2]]]}
            """, line: 3, "out of range")
    }

    func testBrokenJSONIsAnErrorAtItsLine() {
        assertError("""
            {"type": "Polygon",
             "coordinates": [[[4.4, 52.2], [4.5, 52.2]
               [4.5, 52.3], [4.4, 52.2]]]}
            """, line: 3, "not valid JSON")
    }

    func testAPointIsNoArea() {
        assertError(#"{"type": "Point", "coordinates": [4.4, 52.2]}"#, line: 1, "a Point where a Polygon")
    }

    func testAnEmptyCollectionHoldsNoArea() {
        assertError(#"{"type": "FeatureCollection", "features": []}"#, line: 1, "no Polygon")
    }
}
