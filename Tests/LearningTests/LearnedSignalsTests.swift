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
        let (learned, diagnostics) = parse("[team Beheer]\nsignals = a:1\n[router]\nfallback = KCC\n[team KCC]\nqueue = x\n[team KCC]\n")
        XCTAssertNil(learned)
        XCTAssertEqual(diagnostics, [
            "learned.conf:1:7: unknown team 'Beheer': a learned file adds to the configuration's teams",
            "learned.conf:3:2: a learned file holds only [team NAME] sections, not [router]",
            "learned.conf:6:1: unknown key 'queue' in a learned file's [team KCC] (only 'signals')",
            "learned.conf:7:1: duplicate section [team KCC] (first at line 5)",
        ])
    }

    func testNotUTF8() {
        let (learned, diagnostics) = LearnedSignals.parse(bytes: Array("[team KCC]\n".utf8) + [0xFF], path: "l", for: config)
        XCTAssertNil(learned)
        XCTAssertEqual(diagnostics.map(\.description), ["l:2:1: the file is not valid UTF-8 (save it as UTF-8)"])
    }
}
