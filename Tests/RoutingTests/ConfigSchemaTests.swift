import Foundation
import Routing
import XCTest

final class ConfigSchemaTests: XCTestCase {
    func testEveryKeyOfTheSchemaIsUniqueAndDocumented() {
        for section in ConfigSchema.sections {
            let names = section.keys.map(\.name)
            XCTAssertEqual(Set(names).count, names.count, section.kind)
            for key in section.keys {
                XCTAssertFalse(key.doc.isEmpty, key.name)
            }
        }
        XCTAssertEqual(ConfigSchema.sections.map(\.kind), ["router", "team", "area", "source", "acknowledge"])
    }

    func testEveryKeyIsInTheAdminDocumentation() throws {
        let text = try String(contentsOf: Self.documentation, encoding: .utf8)
        for section in ConfigSchema.sections {
            XCTAssertTrue(text.contains("[\(section.kind)"), section.kind)
            for key in section.keys {
                XCTAssertTrue(text.contains("`\(key.name)`"), "\(key.name) is not documented")
            }
        }
    }

    func testTheCompleteExampleOfTheDocumentationIsValid() throws {
        let text = try String(contentsOf: Self.documentation, encoding: .utf8)
        let section = try XCTUnwrap(text.range(of: "## A complete example"))
        let rest = text[section.upperBound...]
        let open = try XCTUnwrap(rest.range(of: "```\n"))
        let close = try XCTUnwrap(rest.range(of: "\n```", range: open.upperBound..<rest.endIndex))
        let example = String(rest[open.upperBound..<close.lowerBound])
        let config = try XCTUnwrap(assertValidRoutingConf(example))
        XCTAssertEqual(config.teams.map(\.name), ["Stadsbeheer", "Handhaving", "Milieu", "Burgerzaken", "Wmo", "KCC"])
        XCTAssertEqual(config.sources.count, 4)
    }

    private static var documentation: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/routing.conf.md")
    }
}
