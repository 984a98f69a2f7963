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
}
