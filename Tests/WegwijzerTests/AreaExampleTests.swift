import Foundation
import XCTest

/// `examples/centrumgemeente.conf`, as shipped: `check` passes it and it routes to the
/// neighbours' area teams.
final class AreaExampleTests: XCTestCase {
    private let config = BinaryRunner.repositoryRoot.appendingPathComponent("examples/centrumgemeente.conf").path

    func testTheCentrumgemeenteExamplePassesCheck() throws {
        let result = try BinaryRunner.run(["check", "--config", config])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.contains("ok: 12 teams, 17 signals, 4 areas, 1 sources, 0 warnings"), result.stdout)
    }

    func testTheExampleRoutesEachMunicipalityToItsAreaTeams() throws {
        let lines = [
            "De lantaarnpaal bij 2341 AB is kapot",
            "Mijn scootmobiel is kapot, ik woon in Leiderdorp",
            "De lantaarnpaal voor Burgemeester Detmersstraat 4 is kapot",
            "De lantaarnpaal bij 2312 AB is kapot",
            "Mijn paspoort is verlopen, ik woon op 2351 AB",
            "De lantaarnpaal bij 3011 AB is kapot",
        ].joined(separator: "\n") + "\n"
        let result = try BinaryRunner.run(["classify", "--lines", "--config", config, "-"], stdin: lines)
        XCTAssertEqual(result.status, 0, result.stderr)
        let teams = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" }
        XCTAssertEqual(teams, ["Oegstgeest-Buitenruimte", "Leiderdorp-Wmo", "Zoeterwoude-Buitenruimte", "Stadsbeheer",
                               "Burgerzaken", "Verwijzing"], result.stdout)
    }

    func testLinesAndWholeMessagesGiveTheSameAreaRoute() throws {
        for text in ["De lantaarnpaal bij 2341 AB is kapot", "De lantaarnpaal voor Burgemeester Detmersstraat 4 is kapot",
                     "Mijn scootmobiel is kapot, ik woon in Leiderdorp", "De lantaarnpaal bij 3011 AB is kapot"] {
            let lines = try BinaryRunner.run(["classify", "--lines", "--json", "--config", config, "-"], stdin: text + "\n")
            let whole = try BinaryRunner.run(["classify", "--json", "--config", config, "-"], stdin: text)
            let fromLines = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines.stdout.utf8)) as? [String: Any], lines.stdout)
            let fromWhole = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? [String: Any], whole.stdout)
            for key in ["team", "reason", "area", "areaBy", "fallback"] {
                XCTAssertEqual("\(fromLines[key] ?? "none")", "\(fromWhole[key] ?? "none")", "\(key) of \(text)")
            }
            XCTAssertTrue((fromLines["reason"] as? String)?.contains("area") ?? false, text)
        }
    }

    func testExplainShowsHowTheAreaWasFoundAndWhoTookOver() throws {
        let inside = try BinaryRunner.run(["classify", "--explain", "--config", config, "-"], stdin: "De lantaarnpaal bij 2341 AB is kapot")
        XCTAssertEqual(inside.status, 0, inside.stderr)
        XCTAssertTrue(inside.stdout.contains("team:      Oegstgeest-Buitenruimte (routed: signals; area Oegstgeest by postcode 2341)"), inside.stdout)
        XCTAssertTrue(inside.stdout.contains("area:      Oegstgeest, found by postcode 2341"), inside.stdout)
        XCTAssertTrue(inside.stdout.contains("takeover:  Oegstgeest-Buitenruimte takes over the message of Stadsbeheer in area Oegstgeest"),
                      inside.stdout)
        let outside = try BinaryRunner.run(["classify", "--explain", "--config", config, "-"], stdin: "De lantaarnpaal bij 3011 AB is kapot")
        XCTAssertTrue(outside.stdout.contains("area:      outside every area (postcode 3011)"), outside.stdout)
        XCTAssertTrue(outside.stdout.contains("takeover:  Verwijzing gets the message of Stadsbeheer: it lies outside every area"), outside.stdout)
    }
}
