import Learning
import Routing
import XCTest

final class LearnerTests: XCTestCase {
    private let config = ConfigParser.parse("""
        [router]
        fallback = KCC
        [team KCC]
        [team Stadsbeheer]
        signals = lantaarnpaal:4
        [team Handhaving]
        signals = foutparkeren:4
        [team Wmo]
        signals = rolstoel:4, "trap lift":4
        """, path: "routing.conf").config!

    /// Stadsbeheer's reports name objects, Handhaving's parked vehicles; "rolstoel" and
    /// "trap lift" turn up in Handhaving's, words that only Wmo's own signals may claim.
    private func history() -> [HistoryExample] {
        var examples: [HistoryExample] = []
        for object in ["bankje", "prullenbak", "klinkers", "boompje"] {
            for state in ["kapot", "scheef", "vernield", "los", "weg", "omver"] {
                examples.append(HistoryExample(team: "Stadsbeheer", text: "Het \(object) is \(state). Graag maken."))
            }
        }
        for vehicle in ["auto", "busje", "camper", "rolstoel"] {
            for place in ["stoep", "gras", "inrit", "fietspad", "trap lift", "plein"] {
                examples.append(HistoryExample(team: "Handhaving", text: "Een \(vehicle) geparkeerd op de \(place)"))
            }
        }
        return examples
    }

    private func options(maxTerms: Int = 500) -> LearnOptions {
        var options = LearnOptions()
        options.minExamples = 5
        options.maxTerms = maxTerms
        return options
    }

    func testTermsAreWrittenAsSignalsThatMatchWhatWasLearned() throws {
        let model = Learner.learn(history(), config: config, options: options())
        let stadsbeheer = try XCTUnwrap(model.teams.first { $0.name == "Stadsbeheer" })
        XCTAssertEqual(stadsbeheer.examples, 24)
        let bankje = try XCTUnwrap(stadsbeheer.terms.first { $0.signal == "bankje" })
        XCTAssertGreaterThan(bankje.weight, 0)
        XCTAssertEqual(bankje.teamCount, 6)
        XCTAssertEqual(bankje.otherCount, 0)
        // Function words are no terms of their own; a pair is two adjacent words of one sentence.
        XCTAssertFalse(stadsbeheer.terms.contains { $0.signal == "het" || $0.signal == "is" })
        XCTAssertFalse(stadsbeheer.terms.contains { $0.signal.contains("kapot graag") })
        let handhaving = try XCTUnwrap(model.teams.first { $0.name == "Handhaving" })
        XCTAssertTrue(handhaving.terms.contains { $0.signal == "geparkeerd" && $0.weight > 0 })
        XCTAssertTrue(handhaving.terms.contains { $0.signal.hasPrefix("\"") }, "\(handhaving.terms.map(\.signal))")
    }

    func testATeamWithoutHistoryKeepsItsWords() {
        let model = Learner.learn(history(), config: config, options: options())
        let learned = model.teams.flatMap(\.terms).map(\.signal)
        XCTAssertFalse(learned.contains { $0.contains("rolstoel") || $0.contains("trap lift") }, "\(learned)")
        XCTAssertGreaterThan(model.guardedTerms, 0)
        XCTAssertEqual(model.teams.first { $0.name == "Wmo" }?.withoutTerms, "no examples")
    }

    func testAtMostMaxTermsPerTeamAndFewExamplesGiveNone() {
        let model = Learner.learn(history(), config: config, options: options(maxTerms: 3))
        XCTAssertTrue(model.teams.allSatisfy { $0.terms.count <= 3 })
        var few = options()
        few.minExamples = 100
        let none = Learner.learn(history(), config: config, options: few)
        XCTAssertEqual(none.termCount, 0)
        XCTAssertEqual(none.teams.first { $0.name == "Stadsbeheer" }?.withoutTerms, "24 examples, fewer than 100")
    }

    func testTheFileIsTheSameForTheSameInputAndRoundTripsThroughTheParser() throws {
        let provenance = LearnedFile.Provenance(sources: [("h.tsv", 48)], date: "2026-12-06", configPath: "routing.conf",
                                                configHash: config.configHash, options: options())
        let text = LearnedFile.render(Learner.learn(history(), config: config, options: options()), provenance: provenance)
        XCTAssertEqual(text, LearnedFile.render(Learner.learn(history(), config: config, options: options()), provenance: provenance))
        let (learned, diagnostics) = LearnedSignals.parse(bytes: Array(text.utf8), path: "learned.conf", for: config)
        XCTAssertEqual(diagnostics, [])
        let merged = config.adding(try XCTUnwrap(learned))
        XCTAssertGreaterThan(merged.learnedSignalCount, 4)
        XCTAssertNotEqual(merged.configHash, config.configHash)
        let decision = Router(config: merged).route(subject: "", text: "het bankje is vernield")
        XCTAssertEqual(decision.team, "Stadsbeheer")
        XCTAssertTrue(decision.matches.allSatisfy(\.learned))
        XCTAssertEqual(Router(config: merged).route(subject: "", text: "mijn rolstoel is stuk").team, "Wmo")
    }

    func testLoweredThresholdsAreWrittenAsARouterSectionAndReadBack() throws {
        var model = Learner.learn(history(), config: config, options: options())
        let provenance = LearnedFile.Provenance(sources: [("h.tsv", 48)], date: "2026-12-06", configPath: "routing.conf",
                                                configHash: config.configHash, options: options())
        model.thresholds = nil
        XCTAssertFalse(LearnedFile.render(model, provenance: provenance).contains("\n[router]\n"))
        model.thresholds = LearnedThresholds(minScore: 2, minMargin: 0.5)
        let text = LearnedFile.render(model, provenance: provenance)
        XCTAssertTrue(text.contains("\n[router]\n"), text)
        let (learned, diagnostics) = LearnedSignals.parse(bytes: Array(text.utf8), path: "learned.conf", for: config)
        XCTAssertEqual(diagnostics, [])
        let merged = config.adding(try XCTUnwrap(learned))
        XCTAssertEqual(merged.router.minScore, 2)
        XCTAssertEqual(merged.router.minMargin, 0.5)
    }

    func testChosenThresholdsAreNeverAboveTheConfigurations() {
        let model = Learner.learn(history(), config: config, options: options())
        if let thresholds = model.thresholds {
            XCTAssertLessThanOrEqual(thresholds.minScore, config.router.minScore)
            XCTAssertLessThanOrEqual(thresholds.minMargin, config.router.minMargin)
            XCTAssertNotEqual(thresholds, LearnedThresholds(minScore: config.router.minScore, minMargin: config.router.minMargin),
                              "the configuration's own thresholds are written as no section at all")
        }
    }

    func testCrossValidationRoutesEveryExampleOnceWithWhatTheOtherFoldsTaught() {
        let result = CrossValidation.run(history(), config: config, options: options(), folds: 4)
        XCTAssertEqual(result.learned.total, 48)
        XCTAssertEqual(result.handWritten.total, 48)
        XCTAssertGreaterThan(result.learned.accuracy, result.handWritten.accuracy)
        XCTAssertGreaterThan(result.learned.macroF1, 0.8)
    }
}
