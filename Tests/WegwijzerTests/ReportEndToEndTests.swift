import Foundation
import Glibc
import XCTest

/// `wegwijzer report` over what a running daemon routed and teams corrected: its JSON against
/// the queues, and its page in a real browser (headless Chromium).
final class ReportEndToEndTests: XCTestCase {
    private static let config = DaemonHarness.config
        .replacingOccurrences(of: "min-margin = 2", with: "min-margin = 2\nurgent = spoed")
        + "\n\n[area Noord]\npostcodes = 2221\n"

    /// A daemon that routed 12 forms and 3 calls; one message moved by `reroute`, one handed
    /// back through `misrouted/`.
    private func routedAndCorrected(file: StaticString = #filePath, line: UInt = #line) throws -> DaemonHarness {
        let daemon = try DaemonHarness(config: Self.config)
        try daemon.start(file: file, line: line)
        let forms = [
            #"{"text": "De lantaarnpaal is kapot, spoed", "postcode": "2221AB"}"#,
            #"{"text": "Een losse stoeptegel, spoed", "postcode": "2221CD"}"#,
            #"{"text": "Zwerfvuil in het park"}"#, #"{"text": "De lantaarnpaal knippert"}"#,
            #"{"text": "Stankoverlast van de fabriek"}"#, #"{"text": "Asbest in de schuur"}"#, #"{"text": "Weer stankoverlast"}"#,
            #"{"text": "Mijn rolstoel is stuk"}"#, #"{"text": "Een scootmobiel aanvragen"}"#,
            #"{"text": "Wanneer is het gemeentehuis open"}"#, #"{"text": "Een vraag over de afvalkalender"}"#, #"{"text": "Hallo"}"#,
        ]
        for (index, body) in forms.enumerated() { try daemon.drop(body, as: "f\(index).json", into: "forms") }
        for index in 0..<3 { try daemon.drop("Ik wil een nieuw paspoort aanvragen, \(index)\n", as: "c\(index).txt", into: "calls") }
        XCTAssertTrue(daemon.wait(timeout: 30) { RerouteTests.copies(daemon).count == 15 && daemon.waiting(in: "forms").isEmpty },
                      daemon.log, file: file, line: line)
        let lamp = try XCTUnwrap(daemon.queued("stadsbeheer").first { try daemon.message("stadsbeheer", $0)["text"] as? String == "De lantaarnpaal knippert" },
                                 file: file, line: line)
        let moved = try BinaryRunner.run(["reroute", "--config", daemon.configPath, "--state", daemon.stateDirectory.path,
                                          String(lamp.dropLast(5)), "Wmo"])
        XCTAssertEqual(moved.status, 0, moved.stderr, file: file, line: line)
        let asbestos = try XCTUnwrap(daemon.queued("milieu").first { try daemon.message("milieu", $0)["text"] as? String == "Asbest in de schuur" },
                                     file: file, line: line)
        let queue = daemon.stateDirectory.appendingPathComponent("queues/milieu").path
        XCTAssertEqual(rename(queue + "/new/" + asbestos, queue + "/misrouted/" + asbestos), 0, file: file, line: line)
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("kcc").count == 4 }, daemon.log, file: file, line: line)
        return daemon
    }

    func testReportJSONCountsEqualTheQueues() throws {
        let daemon = try routedAndCorrected()
        let result = try BinaryRunner.run(["report", "--json", "--config", daemon.configPath, "--state", daemon.stateDirectory.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["schema"] as? String, "wegwijzer.report/1")
        XCTAssertEqual(report["messages"] as? Int, 15)
        XCTAssertEqual(report["channels"] as? [String: Int], ["form": 12, "call": 3])
        XCTAssertEqual(report["corrections"] as? Int, 2)
        XCTAssertEqual(report["urgent"] as? Int, 2)
        let teams = Dictionary(uniqueKeysWithValues: try XCTUnwrap(report["teams"] as? [[String: Any]]).map { ($0["team"] as? String ?? "", $0) })
        for (team, queue) in [("Stadsbeheer", "stadsbeheer"), ("Milieu", "milieu"), ("Wmo", "wmo"), ("Burgerzaken", "burgerzaken"), ("KCC", "kcc")] {
            XCTAssertEqual(teams[team]?["messages"] as? Int, daemon.queued(queue).count, "team \(team) against its queue")
        }
        XCTAssertEqual(teams["Stadsbeheer"]?["reroutedTo"] as? [String: Int], ["Wmo": 1])
        XCTAssertEqual(teams["Milieu"]?["reroutedTo"] as? [String: Int], ["KCC": 1])
        XCTAssertEqual(teams["Stadsbeheer"]?["routed"] as? Int, 4)
        let areas = try XCTUnwrap(report["areas"] as? [[String: Any]])
        XCTAssertEqual(areas.first { $0["area"] as? String == "Noord" }?["messages"] as? Int, 2)
        let days = try XCTUnwrap(report["days"] as? [[String: Any]])
        XCTAssertEqual(days.reduce(0) { $0 + ($1["messages"] as? Int ?? 0) }, 15)
        XCTAssertEqual(days.reduce(0) { $0 + ($1["fallback"] as? Int ?? 0) }, 3, "three forms no signal settled")
        XCTAssertNotNil((report["latency"] as? [String: Any])?["queue"] as? [String: Int])
        let outside = try BinaryRunner.run(["report", "--json", "--state", daemon.stateDirectory.path, "--until", "2001-01-01"])
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(outside.stdout.utf8)) as? [String: Any])?["messages"] as? Int, 0)
    }

    func testThePageRendersInChromiumWithEveryChartAndNoNetworkRequest() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            if ProcessInfo.processInfo.environment["WEGWIJZER_REQUIRE_CHROMIUM"] != nil { XCTFail("chromium is not installed") }
            throw XCTSkip("chromium is not installed (Debian's chromium package; scripts/test installs it)")
        }
        let daemon = try routedAndCorrected()
        let page = daemon.root.appendingPathComponent("report/index.html").path
        try FileManager.default.createDirectory(atPath: daemon.root.appendingPathComponent("report").path, withIntermediateDirectories: true)
        let written = try BinaryRunner.run(["report", "--config", daemon.configPath, "--state", daemon.stateDirectory.path, "--output", page])
        XCTAssertEqual(written.status, 0, written.stderr)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        for forbidden in ["<script", "<link", "src=", "href=", "url(", "@import"] {
            XCTAssertFalse(html.lowercased().contains(forbidden), "the page loads nothing: \(forbidden)")
        }
        let screenshot = daemon.root.appendingPathComponent("page.png").path
        let netLog = daemon.root.appendingPathComponent("net.json").path
        let browser = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                       "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                       "--user-data-dir=" + daemon.root.appendingPathComponent("chromium").path]
        let shot = try CommandRunner.run(browser + ["--window-size=900,4000", "--screenshot=" + screenshot, "--log-net-log=" + netLog,
                                           "file://" + page])
        XCTAssertEqual(shot.status, 0, shot.stderr.suffix(1000).description)
        let check = try CommandRunner.run(["/usr/bin/env", "python3", BinaryRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/page-check.py").path,
                                  netLog, screenshot])
        let figures = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any], check.stderr)
        XCTAssertEqual(figures["pageRequests"] as? [String], [], "the page made no network request")
        XCTAssertGreaterThan(figures["contentRows"] as? Int ?? 0, 400, "the screenshot is not blank")
        let dom = try CommandRunner.run(browser + ["--dump-dom", "file://" + page])
        let charts = dom.stdout.components(separatedBy: "<svg class=\"chart\"").dropFirst()
        XCTAssertEqual(charts.count, 8, "every chart is in the rendered page")
        for chart in charts {
            let body = chart.components(separatedBy: "</svg>")[0]
            XCTAssertTrue(body.contains("<rect"), "a chart with marks: \(body.prefix(200))")
            XCTAssertFalse(body.contains("Geen gegevens"), "no chart without data: \(body.prefix(200))")
        }
        // Printed, it comes out on A4 pages (595 × 842 points).
        let pdf = daemon.root.appendingPathComponent("report.pdf").path
        let printed = try CommandRunner.run(browser + ["--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + page])
        XCTAssertEqual(printed.status, 0, printed.stderr.suffix(1000).description)
        let document = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        let pages = document.components(separatedBy: "/MediaBox [").dropFirst().map { $0.prefix { $0 != "]" } }
        XCTAssertFalse(pages.isEmpty, "a PDF with pages")
        for box in pages {
            let numbers = box.split(separator: " ").compactMap { Double($0) }
            XCTAssertEqual(numbers.count, 4, String(box))
            XCTAssertEqual(numbers.last ?? 0, 841.9, accuracy: 1, "A4 height: \(box)")
            XCTAssertEqual(numbers.dropLast().last ?? 0, 595.3, accuracy: 1, "A4 width: \(box)")
        }
    }

    func testARerouteReachesTheNewTeamsEndpointAndAcceptanceIsTimed() throws {
        let daemon = try DaemonHarness(config: "")
        let sink = try WebhookSink(in: daemon.root)
        try sink.start()
        try DeliveryFixture.config(teams: ["Milieu": "endpoint = \(sink.url)"]).write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        try daemon.start()
        try daemon.drop(DeliveryFixture.form("asbest", 1), as: "a.json", into: "forms")
        try daemon.drop(DeliveryFixture.form("lantaarnpaal", 2), as: "b.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { sink.requests.count == 1 && daemon.queued("stadsbeheer").count == 1 }, daemon.log)
        let id = try XCTUnwrap(daemon.queued("stadsbeheer").first).replacingOccurrences(of: ".json", with: "")
        let moved = try BinaryRunner.run(["reroute", "--config", daemon.configPath, "--state", daemon.stateDirectory.path, id, "Milieu"])
        XCTAssertEqual(moved.status, 0, moved.stderr)
        XCTAssertTrue(daemon.wait(timeout: 20) { sink.requests.count == 2 }, daemon.log)
        XCTAssertEqual(sink.requests.last?["messageId"] as? String, id, "the new team's endpoint got the moved message")
        // The acceptance is archived just after the endpoint's answer.
        var endpoint: [String: Any] = [:]
        XCTAssertTrue(daemon.wait(timeout: 10) {
            let result = try? BinaryRunner.run(["report", "--json", "--state", daemon.stateDirectory.path])
            let report = (try? JSONSerialization.jsonObject(with: Data((result?.stdout ?? "").utf8))) as? [String: Any]
            endpoint = (report?["latency"] as? [String: Any])?["endpoint"] as? [String: Any] ?? [:]
            return endpoint["messages"] as? Int == 2
        }, "both acceptances are timed: \(endpoint)")
        XCTAssertNotNil(endpoint["medianMs"] as? Int)
    }
}
