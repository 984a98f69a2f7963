import Routing
import XCTest

/// `Decision.scores` holds every team, highest first, ties by configuration order, whatever
/// the number of teams (hundreds with area teams).
final class DecisionScoresTests: XCTestCase {
    func testEveryTeamIsRankedHighestFirstTiesByConfigurationOrder() throws {
        var text = """
            [router]
            fallback = KCC

            [team KCC]

            [team Stadsbeheer]
            signals = lachgas:3, rolstoel:-2

            [team Milieu]
            signals = lachgas:-4

            [team Wmo]
            signals = rolstoel:4

            [team Neutraal]
            signals = lachgas:2, rolstoel:-2
            """
        for index in 0..<300 { text += "\n[team Wijk\(index)]\n" }
        let router = Router(config: try XCTUnwrap(parseRoutingConf(text).config))
        let decision = router.route(subject: "", text: "lachgas en een rolstoel")
        XCTAssertEqual(decision.scores.count, 305)
        XCTAssertEqual(decision.scores.prefix(4).map(\.team), ["Wmo", "Stadsbeheer", "KCC", "Neutraal"])
        XCTAssertEqual(decision.scores.prefix(4).map(\.score), [4, 1, 0, 0])
        XCTAssertEqual(decision.scores[3].terms, ["lachgas", "rolstoel"], "a team whose matches add up to 0 keeps its terms")
        XCTAssertEqual(decision.scores[4].team, "Wijk0")
        XCTAssertEqual(decision.scores.last?.team, "Milieu")
        XCTAssertEqual(decision.scores.last?.score, -4)
        XCTAssertEqual(decision.runnerUp?.team, "Stadsbeheer")
        XCTAssertEqual(decision.team, "Wmo")
    }

    func testTheRunnerUpIsTheNextTeamThatMatched() throws {
        let router = Router(config: try XCTUnwrap(parseRoutingConf("""
            [router]
            fallback = KCC

            [team KCC]

            [team Min]
            signals = lachgas:-4, rolstoel:-1

            [team Nul]
            signals = lachgas:2, rolstoel:-2

            [team Plus]
            signals = fiets:1
            """).config))
        func runnerUp(_ text: String) -> String? {
            let decision = router.route(subject: "", text: text)
            // The same as the first after the winner in the full list that scored or matched.
            XCTAssertEqual(decision.runnerUp, decision.scores.dropFirst().first { $0.score != 0 || !$0.terms.isEmpty }, text)
            return decision.runnerUp?.team
        }
        XCTAssertEqual(runnerUp("lachgas en een rolstoel"), "Nul", "KCC first at 0, then Nul at 0 that matched")
        XCTAssertEqual(runnerUp("lachgas, rolstoel en een fiets"), "Nul", "Plus first, then Nul at 0")
        XCTAssertEqual(runnerUp("een rolstoel"), "Min", "KCC and Plus at 0 did not match; Min and Nul below")
        XCTAssertEqual(runnerUp("niets"), nil)
    }
}
