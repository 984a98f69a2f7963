import Foundation
import Messages
import Routing
import XCTest

/// Area teams take over the decided team's messages within their area; the area is found by
/// map point, postcode, street and place, in that order, a form's fields before the text.
final class AreaRoutingTests: XCTestCase {
    static let config = """
        [router]
        fallback = KCC
        outside = Verwijzing

        [team Stadsbeheer]
        signals = lantaarnpaal:4, stoeptegel:4

        [team Wmo]
        signals = rolstoel:4

        [team KCC]

        [team Verwijzing]

        [team Wijkteam-Noord]
        takes = Stadsbeheer, Wmo
        area = Noord

        [team Wijkteam-Zuid]
        takes = stadsbeheer
        area = zuid

        [area Noord]
        postcodes = 2221-2222
        places = Rijnsburg
        streets = Kerkstraat, Voorstraat, Dorpsstraat

        [area Zuid]
        postcodes = 2223
        places = Valkenburg
        streets = Dorpsstraat, Zuidweg
        """

    private lazy var config = assertValidRoutingConf(Self.config)!
    private lazy var router = Router(config: config)

    private func route(_ text: String, location: Location = Location()) -> (Message, Decision) {
        let message = Message(channel: .form, source: SourceReference(name: "forms", ref: "a.json"), text: text, location: location)
        return router.route(message)
    }

    private func assertRoute(_ text: String, location: Location = Location(), to team: String, reason: String,
                             area: String?, by: String?, file: StaticString = #filePath, line: UInt = #line) {
        let (routed, decision) = route(text, location: location)
        XCTAssertEqual(decision.team, team, file: file, line: line)
        XCTAssertEqual(routed.routing?.team, team, file: file, line: line)
        XCTAssertEqual(routed.routing?.reason, reason, file: file, line: line)
        XCTAssertEqual(routed.location.area, area, file: file, line: line)
        XCTAssertEqual(routed.location.areaBy, by, file: file, line: line)
    }

    func testAPostcodeInTheTextGivesTheAreaTeam() {
        assertRoute("De lantaarnpaal bij 2221 AB is kapot", to: "Wijkteam-Noord",
                    reason: "signals; area Noord by postcode 2221", area: "Noord", by: "postcode")
        assertRoute("De lantaarnpaal bij 2223 AB is kapot", to: "Wijkteam-Zuid",
                    reason: "signals; area Zuid by postcode 2223", area: "Zuid", by: "postcode")
    }

    func testATeamNotTakenInTheAreaKeepsItsMessage() {
        // Wijkteam-Zuid takes Stadsbeheer only, not Wmo.
        assertRoute("Mijn rolstoel is kapot, ik woon op 2223 AB", to: "Wmo", reason: "signals", area: "Zuid", by: "postcode")
        assertRoute("Mijn rolstoel is kapot, ik woon op 2221 AB", to: "Wijkteam-Noord",
                    reason: "signals; area Noord by postcode 2221", area: "Noord", by: "postcode")
    }

    func testAMessageWithoutALocationGoesToThePlainTeam() {
        assertRoute("De lantaarnpaal is kapot", to: "Stadsbeheer", reason: "signals", area: nil, by: nil)
    }

    func testAPointOutsideEveryAreaGoesToTheOutsideTeam() {
        assertRoute("De lantaarnpaal bij 3011 AB is kapot", to: "Verwijzing",
                    reason: "signals; outside every area (postcode 3011)", area: nil, by: nil)
        assertRoute("Iets onduidelijks", location: Location(place: "Rotterdam"), to: "Verwijzing",
                    reason: "below min-score (0 < 3); outside every area (place Rotterdam)", area: nil, by: nil)
    }

    func testAStreetInOneAreaPlacesTheMessageAndAStreetInTwoDoesNot() {
        assertRoute("Losse stoeptegel voor Kerkstraat 4", to: "Wijkteam-Noord",
                    reason: "signals; area Noord by street Kerkstraat", area: "Noord", by: "street")
        assertRoute("Losse stoeptegel voor Dorpsstraat 4", to: "Stadsbeheer", reason: "signals", area: nil, by: nil)
        assertRoute("Losse stoeptegel", location: Location(street: "zuidweg"), to: "Wijkteam-Zuid",
                    reason: "signals; area Zuid by street zuidweg", area: "Zuid", by: "street")
    }

    func testAFormsPostcodeWinsOverAPlaceInTheText() {
        // The order of trust: point, postcode, street, place.
        assertRoute("De lantaarnpaal in Valkenburg is kapot", location: Location(postcode: "2221AB"), to: "Wijkteam-Noord",
                    reason: "signals; area Noord by postcode 2221", area: "Noord", by: "postcode")
        assertRoute("De lantaarnpaal in Valkenburg is kapot", to: "Wijkteam-Zuid",
                    reason: "signals; area Zuid by place Valkenburg", area: "Zuid", by: "place")
    }

    func testAFormsFieldWinsOverTheTextWithTheSameTrust() {
        assertRoute("De lantaarnpaal bij 2221 AB is kapot", location: Location(postcode: "2223 AB"), to: "Wijkteam-Zuid",
                    reason: "signals; area Zuid by postcode 2223", area: "Zuid", by: "postcode")
        // In the text, the first mention wins.
        assertRoute("De lantaarnpaal bij 2223 AB is kapot, niet die bij 2221 AB", to: "Wijkteam-Zuid",
                    reason: "signals; area Zuid by postcode 2223", area: "Zuid", by: "postcode")
    }

    func testTheOutsideTeamNeedsAClueTheAreasCouldHavePlaced() {
        // A street no area lists says nothing: the plain team keeps the message.
        assertRoute("Losse stoeptegel voor Marktplein 4", to: "Stadsbeheer", reason: "signals", area: nil, by: nil)
    }

    func testAreaTeamsNeedNoSignalsAndAreCheckedByName() {
        let text = Self.config.replacingOccurrences(of: "takes = stadsbeheer\n", with: "takes = Stadbeheer, Wmo\n") + """

            [team Derde]
            takes = Wmo
            area = Zuid

            [team Vierde]
            takes = KCC
            area = Zuiid
            """
        let (config, diagnostics) = ConfigParser.parse(text, path: "routing.conf")
        XCTAssertNil(config)
        let messages = diagnostics.map(\.description)
        XCTAssertEqual(messages.count, 3, messages.joined(separator: "\n"))
        XCTAssertTrue(messages.contains { $0.contains("'takes' names no team: there is no [team Stadbeheer] (did you mean 'Stadsbeheer'?)") },
                      messages.joined(separator: "\n"))
        XCTAssertTrue(messages.contains { $0.contains("'area' names no area: there is no [area Zuiid] (did you mean 'Zuid'?)") })
        XCTAssertTrue(messages.contains { $0.contains("routing.conf:33:9: teams Wijkteam-Zuid and Derde both take Wmo in area Zuid") },
                      messages.joined(separator: "\n"))
    }

    func testTakesAndAreaNeedEachOther() {
        assertDiagnostics("""
            [router]
            fallback = KCC

            [team KCC]

            [team A]
            takes = KCC

            [team B]
            area = Noord

            [area Noord]
            postcodes = 2221
            """, [(7, 9, "has no 'area = AREA'"), (10, 8, "has an 'area' but no 'takes")])
    }

    func testOutsideMustNameATeam() {
        assertDiagnostics("""
            [router]
            fallback = KCC
            outside = Verwijs

            [team KCC]

            [area Noord]
            postcodes = 2221
            """, [(3, 11, "'outside' names no team")])
    }

    func testAConfigurationWithoutAreasRoutesAsBefore() {
        let plain = Router(config: assertValidRoutingConf("""
            [router]
            fallback = KCC

            [team Stadsbeheer]
            signals = lantaarnpaal:4

            [team KCC]
            """)!)
        let message = Message(channel: .form, source: SourceReference(name: "f", ref: "a"), text: "lantaarnpaal 2221 AB kapot",
                              location: Location(coordinates: Coordinates(lat: 52.2, lon: 4.4)))
        let (routed, decision) = plain.route(message)
        XCTAssertEqual(decision.team, "Stadsbeheer")
        XCTAssertEqual(routed.routing?.reason, "signals")
        XCTAssertNil(routed.location.area)
        XCTAssertNil(routed.location.areaBy)
        XCTAssertEqual(routed.location.coordinates, Coordinates(lat: 52.2, lon: 4.4))
    }
}
