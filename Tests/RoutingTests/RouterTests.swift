import Messages
import Routing
import XCTest

final class RouterTests: XCTestCase {
    private static let config = """
        [router]
        fallback = KCC
        min-score = 3
        min-margin = 2
        subject-weight = 2
        urgent = gaslucht, "gevaarlijke situatie", spoed

        [team KCC]

        [team Stadsbeheer]
        signals = lantaarnpaal:4, *tegel:3, "losse stoeptegel":2, stoep*:2, lachgas:3, rolstoel:-2

        [team Milieu]
        signals = stank*:4, *overlast:3, lachgas:-4

        [team Wmo]
        signals = rolstoel:4, =wmo:4

        [team Burgerzaken]
        signals = paspoort:4, id-kaart:4

        [area Katwijk]
        postcodes = 2221-2225
        places = Katwijk, Rijnsburg

        [area Haaglanden]
        postcodes = 2491-2599
        places = Den Haag
        """

    private lazy var router = Router(config: assertValidRoutingConf(Self.config)!)

    func testStemMatchCoversInflections() {
        assertRoute("De lantaarnpalen in onze straat zijn kapot", to: "Stadsbeheer", score: 4)
    }

    func testHeadMatchesTheStartOfACompoundOnly() {
        assertRoute("Veel stankoverlast bij de fabriek", to: "Milieu")
        let decision = router.route(subject: "", text: "Overal ligt lachgastank en lachgas")
        XCTAssertFalse(decision.matches.contains { $0.term == "stank*" }, "stank* must not match lachgastank")
    }

    func testTailMatchesTheEndOfACompoundAsWrittenAndStemmed() {
        let noise = router.route(subject: "", text: "geluidsoverlast van de buren")
        XCTAssertTrue(noise.matches.contains { $0.term == "*overlast" }, "\(noise.matches)")
        let tiles = router.route(subject: "", text: "losliggende stoeptegels")
        XCTAssertTrue(tiles.matches.contains { $0.term == "*tegel" }, "\(tiles.matches)")
    }

    func testExactMatchIsNotStemmed() {
        XCTAssertTrue(router.route(subject: "", text: "vraag over de WMO").matches.contains { $0.term == "=wmo" })
        XCTAssertFalse(router.route(subject: "", text: "wmoloket").matches.contains { $0.term == "=wmo" })
    }

    func testHyphenatedSignalMatchesAsPhrase() {
        assertRoute("mijn ID-kaart is verlopen", to: "Burgerzaken")
    }

    func testPhraseNeedsConsecutiveWordsInOneSentence() {
        let together = router.route(subject: "", text: "een losse stoeptegel")
        XCTAssertTrue(together.matches.contains { $0.term == "\"losse stoeptegel\"" })
        let apart = router.route(subject: "", text: "dat is los. Stoeptegel ligt er")
        XCTAssertFalse(apart.matches.contains { $0.term == "\"losse stoeptegel\"" })
    }

    func testNegativeWeightsCountAgainstATeam() {
        let decision = router.route(subject: "", text: "De stoep is kapot, ik kom er met mijn rolstoel niet langs. Losse stoeptegel bij de lantaarnpaal.")
        XCTAssertEqual(decision.team, "Stadsbeheer", "\(decision.scores)")
        XCTAssertTrue(decision.matches.contains { $0.term == "rolstoel" && $0.weight == -2 })
    }

    func testSubjectCountsMoreThanBody() {
        let decision = router.route(subject: "paspoort", text: "stank")
        XCTAssertEqual(decision.team, "Burgerzaken")
        XCTAssertEqual(decision.matches.first { $0.term == "paspoort" }?.weight, 8)
        XCTAssertEqual(decision.matches.first { $0.term == "paspoort" }?.field, .subject)
    }

    func testEachSignalCountsOncePerMessage() {
        assertRoute("paspoort paspoort paspoort", to: "Burgerzaken", score: 4)
    }

    func testBelowMinScoreGoesToFallback() {
        let decision = router.route(subject: "", text: "de stoep")
        XCTAssertEqual(decision.team, "KCC")
        XCTAssertTrue(decision.fallback)
        XCTAssertEqual(decision.reason, .belowMinScore(score: 2, minimum: 3))
    }

    func testTooSmallMarginGoesToFallback() {
        let decision = router.route(subject: "", text: "paspoort en stank")
        XCTAssertEqual(decision.team, "KCC")
        XCTAssertEqual(decision.reason, .belowMinMargin(margin: 0, minimum: 2))
        XCTAssertEqual(decision.runnerUp?.score, 4)
    }

    func testEmptyMessageGoesToFallbackWithReasonEmpty() {
        let decision = router.route(subject: " ", text: "?!")
        XCTAssertEqual(decision.team, "KCC")
        XCTAssertEqual(decision.reason, .empty)
        XCTAssertEqual(decision.reason.description, "empty")
    }

    func testUrgentWordsSetPriority() {
        let decision = router.route(subject: "", text: "Gevaarlijke situatie: gaslucht bij de lantaarnpaal!")
        XCTAssertEqual(decision.priority, .urgent)
        XCTAssertEqual(Set(decision.urgentTerms), ["gaslucht", "\"gevaarlijke situatie\""])
        XCTAssertEqual(router.route(subject: "", text: "lantaarnpaal kapot").priority, .normal)
    }

    func testAreaComesFromPostcodeElsePlace() {
        XCTAssertEqual(router.route(subject: "", text: "lantaarnpaal bij 2224 KL").entities.area, "Katwijk")
        let byPlace = router.route(subject: "", text: "lantaarnpaal kapot in Den Haag")
        XCTAssertEqual(byPlace.entities.place, "Den Haag")
        XCTAssertEqual(byPlace.entities.area, "Haaglanden")
    }

    func testMatchRangesPointAtTheOriginalText() {
        let text = "Één lantaarnpaal"
        let match = router.route(subject: "", text: text).matches.first { $0.term == "lantaarnpaal" }
        let bytes = Array(text.utf8)
        XCTAssertEqual(match.map { String(decoding: bytes[$0.range], as: UTF8.self) }, "lantaarnpaal")
    }

    func testOnlyTheFirstMaxTextBytesAreAnalysed() {
        let config = assertValidRoutingConf(Self.config + "\n").map { config -> RoutingConfig in
            var copy = config
            copy.router.maxTextBytes = 1024
            return copy
        }!
        let decision = Router(config: config).route(subject: "", text: String(repeating: "x ", count: 600) + "paspoort")
        XCTAssertEqual(decision.team, "KCC")
    }

    func testLowTranscriptionConfidenceOverridesSignals() {
        var message = Message(channel: .call, source: SourceReference(name: "calls", ref: "a.vtt"), text: "mijn paspoort")
        message.channelData["asrConfidence"] = .number(0.2)
        let (routed, decision) = router.route(message, context: RoutingContext(minConfidence: 0.5))
        XCTAssertEqual(decision.team, "KCC")
        XCTAssertTrue(decision.fallback)
        XCTAssertEqual(routed.routing?.reason.hasPrefix("low transcription confidence"), true)
    }

    func testRoutedMessageKeepsGivenLocationAndFillsTheRest() {
        let message = Message(
            channel: .form, source: SourceReference(name: "forms", ref: "f.json"),
            text: "lantaarnpaal kapot, Dorpsstraat 12", location: Location(postcode: "2223AB"))
        let (routed, _) = router.route(message)
        XCTAssertEqual(routed.location.postcode, "2223AB")
        XCTAssertEqual(routed.location.houseNumber, "12")
        XCTAssertEqual(routed.location.area, "Katwijk")
        XCTAssertEqual(routed.routing?.team, "Stadsbeheer")
        XCTAssertEqual(routed.routing?.configHash.count, 16)
    }

    func testCostDoesNotDependOnVocabularySizeStructurally() {
        let words = (0..<5000).map { "woord\($0)x" }
        let big = Self.config + "\n[team Extra]\nsignals = " + words.map { "\($0):1" }.joined(separator: ", ") + "\n"
        let bigRouter = Router(config: assertValidRoutingConf(big)!)
        XCTAssertGreaterThan(bigRouter.patternCount, 5000)
        XCTAssertEqual(bigRouter.route(subject: "", text: "woord4321x woord17x woord99x en paspoort").scores.first?.team, "Burgerzaken")
    }

    private func assertRoute(
        _ text: String, to team: String, score: Double? = nil, file: StaticString = #filePath, line: UInt = #line
    ) {
        let decision = router.route(subject: "", text: text)
        XCTAssertEqual(decision.team, team, "scores: \(decision.scores)", file: file, line: line)
        if let score { XCTAssertEqual(decision.score, score, file: file, line: line) }
    }
}
