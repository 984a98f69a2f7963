import Routing
import XCTest

final class ConfigWarningTests: XCTestCase {
    func testSameTermForTwoTeamsWithEqualWeight() {
        assertDiagnostics("""
            [router]
            fallback = KCC
            [team KCC]
            [team Stadsbeheer]
            signals = stank:2, geluidsoverlast:3
            [team Milieu]
            signals = Stánk:2, GELUIDSOVERLAST:4, =stank:2
            """, [
                (7, 11, "warning: signal Stánk has weight 2 for both team Stadsbeheer (line 5) and team Milieu"),
            ])
    }

    func testIJLigatureFoldsToIJ() {
        assertDiagnostics("""
            [router]
            fallback = KCC
            [team KCC]
            [team Stadsbeheer]
            signals = ĳzel:3
            [team Milieu]
            signals = "gladheid IJzel":3, ijzel:3
            """, [
                (7, 31, "warning: signal ijzel has weight 3 for both team Stadsbeheer"),
            ])
    }

    func testTermTwiceInOneTeam() {
        assertDiagnostics("""
            [router]
            fallback = KCC
            urgent = spoed, Spoed
            [team KCC]
            [team Wmo]
            signals = rolstoel:3, scootmobiel:2
            signals = "trap lift":2, Rolstoel:1, "Trap  Lift":2
            """, [
                (3, 17, "warning: signal Spoed is listed twice in 'urgent' (first at line 3, column 10)"),
                (7, 26, "warning: signal Rolstoel is listed twice for team Wmo (first at line 6, column 11)"),
                (7, 38, "warning: signal \"Trap  Lift\" is listed twice for team Wmo (first at line 7, column 11)"),
            ])
    }

    func testUnreachableTeam() {
        assertDiagnostics("""
            [router]
            fallback = KCC
            min-score = 5
            [team KCC]
            [team Milieu]
            signals = stank:3, lachgas:-4, asbest:1
            [team Wmo]
            signals = rolstoel:5
            """, [
                (5, 1, "warning: no message can reach team Milieu: its positive signal weights add up to 4, below min-score 5"),
            ])
    }

    func testNoReachWarningForATeamWithBadSignals() {
        assertDiagnostics("""
            [router]
            fallback = KCC
            [team KCC]
            [team Wmo]
            signals = rolstoel*stoel:4
            """, [(5, 19, "'*' is only allowed at the start or end")])
    }

    func testNoReachWarningWhenMinScoreIsBad() {
        assertDiagnostics("[router]\nfallback = KCC\nmin-score = 0\n[team KCC]\n[team Wmo]\n",
                          [(3, 13, "'min-score' must be from 0.001 to 1000000, not 0")])
    }

    func testWarningsAloneKeepTheConfig() throws {
        let (config, diagnostics) = parseRoutingConf("[router]\nfallback = KCC\n[team KCC]\n[team Wmo]\n")
        XCTAssertNotNil(config)
        XCTAssertEqual(diagnostics.map(\.description),
                       ["routing.conf:4:1: warning: no message can reach team Wmo: its positive signal weights add up to 0, below min-score 3"])
    }

    func testWarningsAndErrorsInterleaveInLineOrder() {
        assertDiagnostics("""
            [router]
            fallback = KCC
            [team KCC]
            [team Wmo]
            signals = zorg, zorg:3
            endpoint = localhost
            """, [
                (5, 17, "warning: signal zorg is listed twice"),
                (6, 12, "'endpoint' must be an http:// or https:// URL"),
            ])
    }
}
