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
}
