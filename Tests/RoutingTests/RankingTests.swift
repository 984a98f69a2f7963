@testable import Routing
import XCTest

/// The two ways of ranking the teams, all of them or those that matched, rank alike.
final class RankingTests: XCTestCase {
    private func router(teams: Int) -> Router {
        var text = "[router]\nfallback = T0\nmin-score = 1\n"
        for team in 0..<teams { text += "[team T\(team)]\nsignals = woord\(team):1\n" }
        return Router(config: ConfigParser.parse(text, path: "r.conf").config!)
    }

    func testEveryTeamAndMatchedTeamsGiveTheSameRanking() {
        var state: UInt64 = 0x7EA5
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        let weights: [Double] = [-2, -1, -0.5, 0.25, 1, 1, 2, 3]
        for teams in [1, 2, 6, 17] {
            let router = router(teams: teams)
            for _ in 0..<2_000 {
                let hits = (0..<next(7)).map { _ in
                    SignalHit(team: next(teams), signal: 0, weight: weights[next(weights.count)], field: .text, range: 0..<1)
                }
                let every = router.rankEvery(hits), matched = router.rankMatched(hits)
                XCTAssertEqual(every.first, matched.first, "\(hits)")
                XCTAssertEqual(every.best, matched.best)
                XCTAssertEqual(every.second, matched.second, "\(teams) teams: \(hits)")
                XCTAssertEqual(every.fallbackScore, matched.fallbackScore)
                XCTAssertEqual(every.runnerUp?.team, matched.runnerUp?.team, "\(hits)")
                XCTAssertEqual(every.runnerUp?.score, matched.runnerUp?.score)
            }
        }
    }
}
