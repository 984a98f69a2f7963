import Foundation
import XCTest

/// `check`, `classify`, `test`, `version` and `--help`, run as a user runs them.
final class CommandLineTests: XCTestCase {
    private let config = BinaryRunner.repositoryRoot.appendingPathComponent("routing.conf").path

    func testShippedConfigurationIsClean() throws {
        let result = try BinaryRunner.run(["check", "--config", config])
        assertStatus(result, 0)
        XCTAssertFalse(result.stderr.contains("warning"), result.stderr)
        XCTAssertTrue(result.stdout.contains("ok"), result.stdout)
    }

    func testTenMistakesGiveTenPreciseErrors() throws {
        let path = BinaryRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/ten-mistakes.conf").path
        let result = try BinaryRunner.run(["check", "--config", path])
        assertStatus(result, 1)
        let errors = result.stderr.split(separator: "\n").filter {
            $0.hasPrefix(path + ":") && $0.dropFirst(path.count + 1).first?.isNumber == true && !$0.contains("warning:")
        }
        let places = errors.map { line in line.dropFirst(path.count + 1).split(separator: ":").prefix(2).joined(separator: ":") }
        XCTAssertEqual(places, ["4:12", "5:1", "6:14", "9:27", "12:7", "16:23", "19:12", "23:13", "25:1", "28:2"], result.stderr)
    }

    func testCheckReadsTheFilesTheConfigurationNames() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/state", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = directory + "/routing.conf"
        try """
            [router]
            state = \(directory)/state
            fallback = KCC
            [team KCC]
            [team Milieu]
            signals = stank:4
            endpoint = https://zaak.example.nl/hook
            endpoint-secret = milieu.whsec
            endpoint-header = milieu.headers
            endpoint-ca = ca.pem
            [source hook]
            type = webhook
            listen = 127.0.0.1:9999
            secret = \(directory)/hook.secret
            """.write(toFile: config, atomically: true, encoding: .utf8)
        try "no colon here\n".write(toFile: directory + "/state/milieu.headers", atomically: true, encoding: .utf8)
        try "whsec_!!!\n".write(toFile: directory + "/hook.secret", atomically: true, encoding: .utf8)
        let broken = try BinaryRunner.run(["check", "--config", config])
        assertStatus(broken, 1)
        let lines = broken.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 5, broken.stderr)
        XCTAssertTrue(lines[0].hasPrefix(config + ": team Milieu: " + directory + "/state/milieu.whsec"), broken.stderr)
        XCTAssertTrue(lines[1].contains("milieu.headers:1:"), broken.stderr)
        XCTAssertTrue(lines[2].hasSuffix("ca.pem: cannot be read"), broken.stderr)
        XCTAssertTrue(lines[3].contains("source hook: " + directory + "/hook.secret:1:"), broken.stderr)
        try "whsec_\(Data(repeating: 7, count: 24).base64EncodedString())\n".write(toFile: directory + "/state/milieu.whsec", atomically: true, encoding: .utf8)
        try "X-Api-Key: k\n".write(toFile: directory + "/state/milieu.headers", atomically: true, encoding: .utf8)
        try "ca\n".write(toFile: directory + "/state/ca.pem", atomically: true, encoding: .utf8)
        try "whsec_\(Data(repeating: 9, count: 24).base64EncodedString())\n".write(toFile: directory + "/hook.secret", atomically: true, encoding: .utf8)
        assertStatus(try BinaryRunner.run(["check", "--config", config]), 0)
    }

    func testCheckOfAMissingFileIsAnIOError() throws {
        let result = try BinaryRunner.run(["check", "--config", "/nonexistent/routing.conf"])
        assertStatus(result, 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
    }

    func testClassifyJSONCarriesTheContractFields() throws {
        let text = "De lantaarnpaal voor Dorpsstraat 12, 2221 AB Katwijk is al een week kapot"
        let result = try BinaryRunner.run(["classify", "--json", "--config", config], stdin: text)
        assertStatus(result, 0)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["team", "score", "confidence", "fallback", "priority", "signals", "postcode", "place"] {
            XCTAssertNotNil(object[key], "missing \(key)")
        }
        XCTAssertEqual(object["team"] as? String, "Stadsbeheer")
        XCTAssertEqual(object["fallback"] as? Bool, false)
        XCTAssertEqual(object["postcode"] as? String, "2221AB")
        XCTAssertEqual(object["area"] as? String, "Katwijk")
        let signals = try XCTUnwrap(object["signals"] as? [[String: Any]])
        XCTAssertFalse(signals.isEmpty)
        XCTAssertNotNil(signals[0]["term"] as? String)
        XCTAssertNotNil(signals[0]["team"] as? String)
        XCTAssertNotNil(signals[0]["weight"] as? Int)
    }

    func testExplainShowsScoresMarkedWordsAndThresholdButNoBSN() throws {
        let text = "Mijn paspoort is verlopen, ik wil een afspraak. Mijn BSN is 111222333."
        let result = try BinaryRunner.run(["classify", "--explain", "--config", config], stdin: text)
        assertStatus(result, 0)
        XCTAssertTrue(result.stdout.contains("Burgerzaken"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[paspoort]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("threshold:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("min-score"), result.stdout)
        XCTAssertFalse(result.stdout.contains("111222333"), "a BSN never appears in an explanation")
    }

    func testLinesClassifiesEveryLine() throws {
        let input = "lantaarnpaal kapot\nmijn scootmobiel is stuk\n\nik wil mijn rijbewijs verlengen\n"
        let result = try BinaryRunner.run(["classify", "--lines", "--config", config], stdin: input)
        assertStatus(result, 0)
        let teams = result.stdout.split(separator: "\n").map { $0.split(separator: "\t")[0] }
        XCTAssertEqual(teams, ["Stadsbeheer", "Wmo", "KCC", "Burgerzaken"])
        XCTAssertTrue(result.stdout.split(separator: "\n")[2].contains("empty"))
    }

    func testEmptyMessageGoesToTheFallbackWithReasonEmpty() throws {
        let result = try BinaryRunner.run(["classify", "--json", "--config", config], stdin: "  \n ")
        assertStatus(result, 0)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["team"] as? String, "KCC")
        XCTAssertEqual(object["fallback"] as? Bool, true)
        XCTAssertEqual(object["reason"] as? String, "empty")
    }

    func testUrgentWordsMakeAMessageUrgent() throws {
        let result = try BinaryRunner.run(["classify", "--json", "--config", config], stdin: "Ik ruik een sterke gaslucht bij de speeltuin!")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["priority"] as? String, "urgent")
    }

    func testInvalidUTF8IsRepairedNotFatal() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("invalid-\(UUID().uuidString).txt")
        try Data([0x73, 0x74, 0x6F, 0x65, 0x70, 0x74, 0x65, 0x67, 0x65, 0x6C, 0x20, 0xFF, 0xFE, 0x20, 0x6C, 0x6F, 0x73]).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try BinaryRunner.run(["classify", "--config", config, path.path])
        assertStatus(result, 0)
        XCTAssertTrue(result.stdout.hasPrefix("Stadsbeheer"), result.stdout)
    }

    func testTenMegabyteLineIsClassifiedWithinItsLimit() throws {
        let line = "paspoort " + String(repeating: "blabla ", count: 10 * 1024 * 1024 / 7) + "scootmobiel"
        let result = try BinaryRunner.run(["classify", "--lines", "--config", config], stdin: line)
        assertStatus(result, 0)
        XCTAssertTrue(result.stdout.hasPrefix("Burgerzaken"), "only the first max-text bytes count: \(result.stdout.prefix(200))")
    }

    func testClassifyReadsAnEMailFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID().uuidString).eml")
        let mail = "From: Anna <anna@example.nl>\r\nSubject: =?utf-8?q?Verlopen_paspoort?=\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\nMijn paspoort is verlopen.\r\n"
        try Data(mail.utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try BinaryRunner.run(["classify", "--explain", "--config", config, path.path])
        assertStatus(result, 0)
        XCTAssertTrue(result.stdout.contains("team:      Burgerzaken"), result.stdout)
        XCTAssertTrue(result.stdout.contains("subject:   [Verlopen] [paspoort]"), result.stdout)
    }

    func testMissingInputFileIsOneLineAndStatusTwo() throws {
        let result = try BinaryRunner.run(["classify", "--config", config, "/nonexistent/message.txt"])
        assertStatus(result, 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("/nonexistent/message.txt"))
    }

    func testDevSetMeetsTheAccuracyAndPrecisionBar() throws {
        try assertAccuracyAndPrecision(of: "Tests/Fixtures/cases.tsv")
    }

    func testHoldoutSetMeetsTheAccuracyAndPrecisionBar() throws {
        try assertAccuracyAndPrecision(of: "Tests/Fixtures/holdout.tsv")
    }

    private func assertAccuracyAndPrecision(of file: String, line: UInt = #line) throws {
        let cases = BinaryRunner.repositoryRoot.appendingPathComponent(file).path
        let result = try BinaryRunner.run(["test", "--config", config, "--min-accuracy", "0.9", cases])
        assertStatus(result, 0, line: line)
        for row in result.stdout.split(separator: "\n") {
            let fields = row.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 4, let precision = Double(fields[2]), Int(fields[1]) != nil else { continue }
            XCTAssertGreaterThanOrEqual(precision, 0.9, "precision of \(fields[0]) in \(file)", line: line)
        }
        let summary = result.stdout.split(separator: "\n").last { $0.contains("passed") } ?? ""
        XCTAssertTrue(summary.contains("accuracy"), result.stdout, line: line)
    }

    func testTestFailsOnAWrongCaseAndNamesIt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cases-\(UUID().uuidString).tsv")
        try "# two cases\nStadsbeheer\tlantaarnpaal kapot\nMilieu\tmijn paspoort is verlopen\n".write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let strict = try BinaryRunner.run(["test", "--config", config, path.path])
        assertStatus(strict, 1)
        XCTAssertTrue(strict.stdout.contains("FAIL line 3: expected Milieu, got Burgerzaken"), strict.stdout)
        XCTAssertTrue(strict.stdout.contains("1 passed, 1 failed"), strict.stdout)
        XCTAssertTrue(strict.stdout.contains("confusion"), strict.stdout)
        let lenient = try BinaryRunner.run(["test", "--config", config, "--min-accuracy", "0.5", path.path])
        assertStatus(lenient, 0)
    }

    func testEveryCommandHasHelpAndBadUseIsStatusTwo() throws {
        for command in ["run", "check", "classify", "test", "status", "version"] {
            let result = try BinaryRunner.run([command, "--help"])
            assertStatus(result, 0)
            XCTAssertTrue(result.stdout.hasPrefix("usage: wegwijzer \(command)"), result.stdout)
        }
        assertStatus(try BinaryRunner.run(["--help"]), 0)
        assertStatus(try BinaryRunner.run(["frobnicate"]), 2)
        assertStatus(try BinaryRunner.run(["classify", "--bogus"]), 2)
        let version = try BinaryRunner.run(["version"])
        assertStatus(version, 0)
        XCTAssertTrue(version.stdout.hasPrefix("wegwijzer "))
    }

    func testConfigComesFromTheEnvironmentWhenNotGiven() throws {
        let result = try BinaryRunner.run(["check"], environment: ["WEGWIJZER_CONFIG": "/nonexistent/from-env.conf"])
        assertStatus(result, 2)
        XCTAssertTrue(result.stderr.contains("/nonexistent/from-env.conf"), result.stderr)
    }
}
