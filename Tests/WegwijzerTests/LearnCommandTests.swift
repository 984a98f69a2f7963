import Foundation
import XCTest

/// `wegwijzer learn` and `[router] learned`, run as an admin runs them: the binary, real files.
final class LearnCommandTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-learn-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.config.write(toFile: directory + "/routing.conf", atomically: true, encoding: .utf8)
        try Self.history().write(toFile: directory + "/history.tsv", atomically: true, encoding: .utf8)
        try "# the municipality's own categories\nLichtmast defect\tStadsbeheer\nFoutparkeren\tHandhaving\n"
            .write(toFile: directory + "/categories.map", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Five teams; Stadsbeheer and Handhaving will have history, Wmo none.
    static let config = """
        [router]
        state = state
        fallback = KCC
        [team KCC]
        [team Stadsbeheer]
        signals = lantaarnpaal:4
        [team Handhaving]
        signals = foutparkeren:4
        [team Milieu]
        signals = stank:4
        [team Wmo]
        signals = rolstoel:4, scootmobiel:4
        """

    /// Short reports in which only the learned words tell the teams apart; `scootmobiel` also
    /// turns up in Handhaving's reports, so only the guard keeps it from being learned there.
    static func history() -> String {
        var lines = ["# history exported from the case system"]
        let objects = ["bankje", "prullenbak", "klinkers", "paaltje", "boompje"]
        let states = ["kapot", "scheef", "vernield", "los", "omver"]
        for (index, object) in objects.enumerated() {
            for state in states {
                lines.append("Stadsbeheer\t\(object) is \(state) bij nummer \(index)")
            }
        }
        let vehicles = ["auto", "busje", "camper", "scootmobiel", "aanhanger"]
        let places = ["stoep", "gras", "inrit", "invalidenplek", "fietspad"]
        for vehicle in vehicles {
            for place in places {
                lines.append("Foutparkeren\t\(vehicle) geparkeerd op de \(place)")
            }
        }
        lines.append("Stadsbeheer\t   ")
        lines.append("Stadsbeheer\tbankje is kapot bij nummer 0")
        lines.append("Milieu\tstank van de fabriek")
        return lines.joined(separator: "\n") + "\n"
    }

    private func learn(_ arguments: [String], environment: [String: String] = ["SOURCE_DATE_EPOCH": "1764979200"])
        throws -> BinaryRunner.Result {
        try BinaryRunner.run(["learn", "--config", directory + "/routing.conf"] + arguments, environment: environment)
    }

    /// routing.conf in the test folder, with `learned = learned.conf`.
    private func writeConfigLoadingLearnedFile() throws {
        try (Self.config.replacingOccurrences(of: "[router]\n", with: "[router]\nlearned = learned.conf\n"))
            .write(toFile: directory + "/routing.conf", atomically: true, encoding: .utf8)
    }

    func testLearnWritesAFileThatCheckAcceptsAndClassifyUses() throws {
        let result = try learn(["--map", directory + "/categories.map", "--min-examples", "5", directory + "/history.tsv"])
        assertStatus(result, 0)
        XCTAssertTrue(result.stderr.contains("skipped 1 empty texts and 1 duplicate lines"), result.stderr)
        XCTAssertTrue(result.stderr.contains("team Milieu gets no learned terms: 1 examples, fewer than 5"), result.stderr)
        let learned = try String(contentsOfFile: directory + "/learned.conf", encoding: .utf8)
        XCTAssertTrue(learned.contains("# date:     2025-12-06"), learned)
        XCTAssertTrue(learned.contains("[team Stadsbeheer]") && learned.contains("[team Handhaving]"), learned)
        XCTAssertTrue(learned.contains("signals = bankje:"), learned)
        XCTAssertFalse(learned.contains("[team Wmo]") || learned.contains("[team Milieu]"), learned)

        try writeConfigLoadingLearnedFile()
        let check = try BinaryRunner.run(["check", "--config", directory + "/routing.conf"])
        assertStatus(check, 0)
        XCTAssertTrue(check.stdout.contains("5 signals and "), check.stdout)
        let explained = try BinaryRunner.run(["classify", "--config", directory + "/routing.conf", "--explain"],
                                             stdin: "het bankje is vernield, de prullenbak is kapot en het paaltje is omver")
        assertStatus(explained, 0)
        XCTAssertTrue(explained.stdout.contains("team:      Stadsbeheer (routed"), explained.stdout)
        XCTAssertTrue(explained.stdout.contains("(learned)"), explained.stdout)
        let json = try BinaryRunner.run(["classify", "--config", directory + "/routing.conf", "--json"],
                                        stdin: "een camper geparkeerd op het gras")
        XCTAssertTrue(json.stdout.contains(#""team":"Handhaving""#), json.stdout)
    }

    func testTheGuardKeepsATeamWithoutHistoryWinningItsMessages() throws {
        assertStatus(try learn(["--map", directory + "/categories.map", "--min-examples", "5", directory + "/history.tsv"]), 0)
        let learned = try String(contentsOfFile: directory + "/learned.conf", encoding: .utf8)
        XCTAssertFalse(learned.contains("scootmobiel"), learned)
        XCTAssertTrue(learned.contains("# guarded:"), learned)
        try writeConfigLoadingLearnedFile()
        let result = try BinaryRunner.run(["classify", "--config", directory + "/routing.conf"],
                                          stdin: "mijn scootmobiel is kapot")
        XCTAssertTrue(result.stdout.hasPrefix("Wmo\t"), result.stdout)
    }

    func testTheSameInputGivesTheSameFileByteForByte() throws {
        let arguments = ["--map", directory + "/categories.map", "--min-examples", "5", directory + "/history.tsv"]
        assertStatus(try learn(arguments + ["--output", directory + "/one.conf"]), 0)
        assertStatus(try learn(arguments + ["--output", directory + "/two.conf"]), 0)
        let one = try Data(contentsOf: URL(fileURLWithPath: directory + "/one.conf"))
        let two = try Data(contentsOf: URL(fileURLWithPath: directory + "/two.conf"))
        XCTAssertEqual(one, two)
        XCTAssertGreaterThan(one.count, 500)
    }

    func testFoldsPrintBothFigures() throws {
        let result = try learn(["--map", directory + "/categories.map", "--min-examples", "5", "--folds", "3",
                                directory + "/history.tsv"])
        assertStatus(result, 0)
        XCTAssertTrue(result.stdout.contains("3-fold cross-validation over 51 examples"), result.stdout)
        XCTAssertTrue(result.stdout.contains("hand-written only") && result.stdout.contains("with learned terms"), result.stdout)
        XCTAssertTrue(result.stdout.contains("macro-F1"), result.stdout)
        XCTAssertTrue(result.stderr.contains("cross-validation fold 3 of 3"), result.stderr)
    }

    func testBadInputIsOneLineWithTheLineNumberAndCount() throws {
        let history = directory + "/history.tsv"
        // A category that is not in the map, twice.
        let unknown = directory + "/unknown.tsv"
        try "Stadsbeheer\tlamp kapot\nParkeren\tauto op de stoep\nParkeren\tbusje op het gras\n"
            .write(toFile: unknown, atomically: true, encoding: .utf8)
        var result = try learn(["--map", directory + "/categories.map", unknown])
        assertStatus(result, 2)
        XCTAssertTrue(result.stderr.contains("\(unknown):2: 'Parkeren' is neither a team"), result.stderr)
        XCTAssertTrue(result.stderr.contains("(2 lines like it)"), result.stderr)
        // Bytes that are not UTF-8.
        let binary = directory + "/binary.tsv"
        try Data("Stadsbeheer\tlamp kapot\nStadsbeheer\tkapot \u{00}".utf8 + [0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: binary))
        result = try learn([binary])
        assertStatus(result, 2)
        XCTAssertTrue(result.stderr.contains("\(binary):2: not valid UTF-8"), result.stderr)
        // A line without a tab.
        let untabbed = directory + "/untabbed.tsv"
        try "Stadsbeheer lamp kapot\n".write(toFile: untabbed, atomically: true, encoding: .utf8)
        result = try learn([untabbed])
        assertStatus(result, 2)
        XCTAssertTrue(result.stderr.contains("\(untabbed):1: expected TEAM<TAB>TEXT"), result.stderr)
        // A map that names a team the configuration lacks.
        let map = directory + "/bad.map"
        try "Lichtmast defect\tBeheer\n".write(toFile: map, atomically: true, encoding: .utf8)
        result = try learn(["--map", map, history])
        assertStatus(result, 2)
        XCTAssertTrue(result.stderr.contains("\(map):1: unknown team 'Beheer'"), result.stderr)
        // Usage errors.
        assertStatus(try learn([]), 2)
        assertStatus(try learn(["--max-terms", "0", history]), 2)
        assertStatus(try learn(["--folds", "1", history]), 2)
        assertStatus(try learn([directory + "/missing.tsv"]), 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/learned.conf"))
    }

    func testALearnedRouterSectionSetsTheThresholdsWhileTheFileIsLoaded() throws {
        try writeConfigLoadingLearnedFile()
        try "[router]\nmin-score = 1\nmin-margin = 0.5\n[team Stadsbeheer]\nsignals = bankje:1.5\n"
            .write(toFile: directory + "/learned.conf", atomically: true, encoding: .utf8)
        let check = try BinaryRunner.run(["check", "--config", directory + "/routing.conf"])
        assertStatus(check, 0)
        XCTAssertTrue(check.stdout.contains("1 learned (with min-score 1 and min-margin 0.5 from the learned file)"), check.stdout)
        let routed = try BinaryRunner.run(["classify", "--config", directory + "/routing.conf", "--json"], stdin: "het bankje")
        XCTAssertTrue(routed.stdout.contains(#""team":"Stadsbeheer""#), "1.5 clears the learned min-score 1: \(routed.stdout)")
        try FileManager.default.removeItem(atPath: directory + "/learned.conf")
        try Self.config.write(toFile: directory + "/routing.conf", atomically: true, encoding: .utf8)
        let plain = try BinaryRunner.run(["classify", "--config", directory + "/routing.conf", "--json"], stdin: "het bankje")
        XCTAssertTrue(plain.stdout.contains(#""fallback":true"#), "without the file, its thresholds are gone: \(plain.stdout)")
    }

    func testABrokenLearnedFileIsACheckErrorInThatFile() throws {
        try writeConfigLoadingLearnedFile()
        try "[team Beheer]\nsignals = bankje:1.5\n[team Wmo]\nsignals = traplift:0.12345\n[router]\nfallback = Wmo\n[source x]\n"
            .write(toFile: directory + "/learned.conf", atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["check", "--config", directory + "/routing.conf"])
        assertStatus(result, 1)
        let learned = directory + "/learned.conf"
        XCTAssertTrue(result.stderr.contains("\(learned):1:7: unknown team 'Beheer'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(learned):4:20: invalid weight '0.12345'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(learned):6:1: unknown key 'fallback' in a learned file's [router]"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(learned):7:2: a learned file holds only [team NAME] sections"), result.stderr)
        try FileManager.default.removeItem(atPath: learned)
        assertStatus(try BinaryRunner.run(["check", "--config", directory + "/routing.conf"]), 2)
    }
}
