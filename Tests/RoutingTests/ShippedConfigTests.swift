import Foundation
import Routing
import XCTest

/// Checks the `routing.conf` at the repository root, the configuration that ships.
final class ShippedConfigTests: XCTestCase {
    func testShippedConfigHasNoErrors() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("routing.conf").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("no routing.conf at the repository root")
        }
        let (config, diagnostics) = ConfigLoader.load(path: path)
        XCTAssertEqual(diagnostics.filter(\.isError).map(\.description), [])
        XCTAssertNotNil(config?.fallbackTeam)
    }
}
