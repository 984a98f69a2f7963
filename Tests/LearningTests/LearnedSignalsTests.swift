import Routing
import XCTest

final class LearnedSignalsTests: XCTestCase {
    private let config = ConfigParser.parse("""
        [router]
        fallback = KCC
        [team KCC]
        [team Stadsbeheer]
        signals = lantaarnpaal:4
        """, path: "routing.conf").config!

    private func parse(_ text: String) -> (learned: LearnedSignals?, diagnostics: [String]) {
        let (learned, diagnostics) = LearnedSignals.parse(bytes: Array(text.utf8), path: "learned.conf", for: config)
        return (learned, diagnostics.map(\.description))
    }

    func testSignalsAreMarkedLearnedAndAddToTheTeamsOwn() throws {
        let (learned, diagnostics) = parse("# learned\n[team stadsbeheer]\nsignals = bankje:1.25   # 6 Stadsbeheer, 0 other\nsignals = \"staat op\":-0.5\n")
        XCTAssertEqual(diagnostics, [])
        let signals = try XCTUnwrap(learned?.signals["Stadsbeheer"])
        XCTAssertEqual(signals.map(\.text), ["bankje", "\"staat op\""])
        XCTAssertEqual(signals.map(\.weight), [1.25, -0.5])
        XCTAssertTrue(signals.allSatisfy(\.learned))
        let merged = config.adding(try XCTUnwrap(learned))
        XCTAssertEqual(merged.team(named: "Stadsbeheer")?.signals.map(\.text), ["lantaarnpaal", "bankje", "\"staat op\""])
        XCTAssertEqual(merged.learnedSignalCount, 2)
        let decision = Router(config: merged).route(subject: "", text: "het bankje en de lantaarnpaal")
        XCTAssertEqual(decision.score, 5.25)
        XCTAssertEqual(decision.matches.map(\.learned), [true, false])
    }

    func testOnlyKnownTeamsWithSignals() {
        let (learned, diagnostics) = parse("[team Beheer]\nsignals = a:1\n[router]\nfallback = KCC\n[team KCC]\nqueue = x\n[team KCC]\n[area Noord]\n")
        XCTAssertNil(learned)
        XCTAssertEqual(diagnostics, [
            "learned.conf:1:7: unknown team 'Beheer': a learned file adds to the configuration's teams",
            "learned.conf:4:1: unknown key 'fallback' in a learned file's [router] (only 'min-score' and 'min-margin')",
            "learned.conf:6:1: unknown key 'queue' in a learned file's [team KCC] (only 'signals')",
            "learned.conf:7:1: duplicate section [team KCC] (first at line 5)",
            "learned.conf:8:2: a learned file holds only [team NAME] sections and one [router] section, not [area Noord]",
        ])
    }

    func testRouterThresholdsReplaceTheConfigurationsWhileLoaded() throws {
        let (learned, diagnostics) = parse("[router]\nmin-margin = 0.5\n[team Stadsbeheer]\nsignals = bank:1\n")
        XCTAssertEqual(diagnostics, [])
        let thresholds = try XCTUnwrap(learned?.thresholds)
        XCTAssertEqual(thresholds, LearnedThresholds(minScore: 3, minMargin: 0.5), "a key left out keeps the configuration's")
        let merged = config.adding(try XCTUnwrap(learned))
        XCTAssertEqual(merged.router.minMargin, 0.5)
        XCTAssertEqual(merged.router.minScore, 3)
        XCTAssertNil(try XCTUnwrap(parse("[team Stadsbeheer]\nsignals = bank:1\n").learned).thresholds)
        XCTAssertEqual(config.adding(try XCTUnwrap(parse("[team KCC]\n").learned)).router.minMargin, 2)
    }

    func testRouterThresholdsAreCheckedAsInTheConfiguration() {
        let (learned, diagnostics) = parse("[router]\nmin-score = -1\nmin-margin = lots\n")
        XCTAssertNil(learned)
        XCTAssertEqual(diagnostics.count, 2, "\(diagnostics)")
        XCTAssertTrue(diagnostics.allSatisfy { $0.hasPrefix("learned.conf:") }, "\(diagnostics)")
    }

    func testNotUTF8() {
        let (learned, diagnostics) = LearnedSignals.parse(bytes: Array("[team KCC]\n".utf8) + [0xFF], path: "l", for: config)
        XCTAssertNil(learned)
        XCTAssertEqual(diagnostics.map(\.description), ["l:2:1: the file is not valid UTF-8 (save it as UTF-8)"])
    }
}
