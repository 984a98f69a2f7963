import Foundation
import Messages
import Routing
import XCTest

/// `[area]` files: GeoJSON polygons and street lists, read beside routing.conf.
final class AreaFileLoaderTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("wegwijzer-areas-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    private func write(_ text: String, to name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func square(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> String {
        #"{"type":"Polygon","coordinates":[[[\#(west),\#(south)],[\#(east),\#(south)],[\#(east),\#(north)],[\#(west),\#(north)],[\#(west),\#(south)]]]}"#
    }

    private func config(polygons: [String: String], extra: String = "") throws -> String {
        var text = """
            [router]
            fallback = KCC

            [team Stadsbeheer]
            signals = lantaarnpaal:4

            [team KCC]

            """
        for (area, geometry) in polygons.sorted(by: { $0.key < $1.key }) {
            try write(geometry, to: "\(area).geojson")
            text += "\n[team Wijk-\(area)]\ntakes = Stadsbeheer\narea = \(area)\n\n[area \(area)]\npolygons = \(area).geojson\n"
        }
        return try write(text + extra, to: "routing.conf")
    }

    func testAPointRoutesToTheAreaWhosePolygonHoldsIt() throws {
        let path = try config(polygons: ["Noord": square(4.40, 52.20, 4.45, 52.25), "Zuid": square(4.40, 52.15, 4.45, 52.20)])
        let (loaded, diagnostics) = ConfigLoader.load(path: path)
        XCTAssertEqual(diagnostics, [])
        let config = try XCTUnwrap(loaded)
        XCTAssertNotEqual(config.configHash, RoutingConfig.hash(of: Array(try String(contentsOfFile: path, encoding: .utf8).utf8)),
                          "the hash covers the polygon files")
        let router = Router(config: config)
        for (lat, team, area) in [(52.22, "Wijk-Noord", "Noord"), (52.17, "Wijk-Zuid", "Zuid"), (52.30, "Stadsbeheer", nil)] {
            let message = Message(channel: .form, source: SourceReference(name: "f", ref: "a"), text: "lantaarnpaal kapot",
                                  location: Location(coordinates: Coordinates(lat: lat, lon: 4.42)))
            let (routed, decision) = router.route(message)
            XCTAssertEqual(decision.team, team, "\(lat)")
            XCTAssertEqual(routed.location.area, area, "\(lat)")
            XCTAssertEqual(routed.location.areaBy, area == nil ? nil : "point")
        }
        // On the shared border at 52.20: one area, the same every time.
        let border = (0..<3).map { _ in router.area(forPoint: Coordinates(lat: 52.20, lon: 4.42)) }
        XCTAssertNotNil(border[0])
        XCTAssertEqual(Set(border).count, 1)
    }

    func testBadGeoJSONIsAnErrorInItsFile() throws {
        let path = try config(polygons: ["Noord": "{\"type\": \"Polygon\",\n \"coordinates\": [[[4.4, 52.2], [4.5, 52.2], [4.4, 52.2]]]}"])
        let (loaded, diagnostics) = ConfigLoader.load(path: path)
        XCTAssertNil(loaded)
        XCTAssertEqual(diagnostics.map(\.description), [directory.appendingPathComponent("Noord.geojson").path
            + ":2:1: a ring needs at least 4 positions, the last repeating the first (has 3)"])
    }

    func testAMissingOrOversizedPolygonFileIsAnErrorAtItsKey() throws {
        let path = try config(polygons: ["Noord": square(4.40, 52.20, 4.45, 52.25)], extra: "polygons = missing.geojson\n")
        XCTAssertEqual(ConfigLoader.load(path: path).diagnostics.map(\.description).first?.hasPrefix(path + ":15:12: cannot read the polygon file"), true)
        let big = directory.appendingPathComponent("Noord.geojson").path
        XCTAssertEqual(truncate(big, 50 * 1024 * 1024 + 1), 0)
        let (loaded, diagnostics) = ConfigLoader.load(path: try config(polygons: [:], extra: "[area Groot]\npolygons = Noord.geojson\n"))
        XCTAssertNil(loaded)
        XCTAssertTrue(diagnostics.first?.message.contains("more than the limit of 50 MiB") ?? false, "\(diagnostics)")
    }

    func testOverlappingPolygonsAndAStreetInTwoAreasAreWarnings() throws {
        try write("# straten van Noord\nKerkstraat\n  Voorstraat  \n\n", to: "noord.txt")
        let path = try config(polygons: ["Noord": square(4.40, 52.20, 4.45, 52.25), "Zuid": square(4.43, 52.15, 4.48, 52.22)],
                              extra: "streets-file = noord.txt\nstreets = Kerkstraat\n\n[area West]\nstreets = voorstraat\n")
        let (loaded, diagnostics) = ConfigLoader.load(path: path)
        let config = try XCTUnwrap(loaded, "\(diagnostics)")
        XCTAssertEqual(config.areas.first { $0.name == "Zuid" }?.streets, ["Kerkstraat", "Kerkstraat", "Voorstraat"])
        let warnings = diagnostics.filter { !$0.isError }.map(\.message)
        XCTAssertEqual(warnings.count, 2, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("a polygon of area Zuid overlaps one of area Noord") }, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("street 'voorstraat' is listed in area Zuid and in area West") }, "\(warnings)")
        XCTAssertNil(Router(config: config).route(subject: "", text: "lantaarnpaal Voorstraat 3").entities.area)
    }
}
