import Foundation
import Routing
import XCTest

/// Checks the `routing.conf` at the repository root, the configuration that ships.
final class ShippedConfigTests: XCTestCase {
    func testShippedConfigHasNoErrors() throws {
        let (config, diagnostics) = try Self.load()
        XCTAssertEqual(diagnostics.filter(\.isError).map(\.description), [])
        XCTAssertNotNil(config?.fallbackTeam)
    }

    func testShippedConfigHasTheFiveTeamsAndTheFallback() throws {
        let config = try XCTUnwrap(Self.load().config)
        XCTAssertEqual(config.teams.map(\.name).sorted(),
                       ["Burgerzaken", "Handhaving", "KCC", "Milieu", "Stadsbeheer", "Wmo"])
        XCTAssertEqual(config.fallbackTeam?.name, "KCC")
        XCTAssertEqual(config.team(named: "Handhaving")?.queue, "handhaving")
    }

    func testShippedConfigRoutesBehaviourToHandhavingAndBrokenThingsToStadsbeheer() throws {
        let router = Router(config: try XCTUnwrap(Self.load().config))
        let cases: [(String, String)] = [
            ("Er staat elke dag een auto fout geparkeerd op de stoep voor mijn huis", "Handhaving"),
            ("Mijn inrit wordt steeds geblokkeerd door een bestelbus", "Handhaving"),
            ("Hangjongeren bij het winkelcentrum, elke avond geschreeuw", "Handhaving"),
            ("Al de hele week wordt er vuurwerk afgestoken in de straat", "Handhaving"),
            ("Het parkeerbord bij de school is omgereden", "Stadsbeheer"),
            ("bak zit vol", "Stadsbeheer"),
            ("De warmtepomp van het bedrijf naast ons bromt de hele nacht", "Milieu"),
        ]
        for (text, team) in cases {
            XCTAssertEqual(router.route(subject: "", text: text).team, team, text)
        }
    }

    /// Two messages routed together give what each gives alone, whatever their lengths.
    func testVerdictsOfTwoMessagesAreTheVerdictsOfEach() throws {
        let router = Router(config: try XCTUnwrap(Self.load().config))
        let texts = [
            "", "bak zit vol", "Het hek bij de bushalte is omgevallen. De heg in Rijnsburg stinkt! Bel mij terug op 06-12345678",
            "Er staat elke dag een auto fout geparkeerd op de stoep voor mijn huis aan de Dorpsstraat 12",
            "lantaarnpaal", "De warmtepomp van het bedrijf naast ons bromt de hele nacht, al weken. Graag actie.",
        ]
        var oneBuffers = RoutingBuffers()
        var otherBuffers = RoutingBuffers()
        for one in texts {
            for other in texts {
                var oneText = one
                var otherText = other
                let (together, alsoTogether) = oneText.withUTF8 { oneBytes in
                    otherText.withUTF8 { otherBytes in
                        router.verdicts(utf8: oneBytes, otherBytes, reusing: &oneBuffers, &otherBuffers)
                    }
                }
                XCTAssertEqual(Decision(together, config: router.config), router.route(subject: "", text: one), one)
                XCTAssertEqual(Decision(alsoTogether, config: router.config), router.route(subject: "", text: other), other)
            }
        }
    }

    private static func load() throws -> (config: RoutingConfig?, diagnostics: [Diagnostic]) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("routing.conf").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("no routing.conf at the repository root")
        }
        return ConfigLoader.load(path: path)
    }
}
