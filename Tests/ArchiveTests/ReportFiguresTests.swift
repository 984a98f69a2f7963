import Archive
import Foundation
import Insight
import XCTest

final class ReportFiguresTests: XCTestCase {
    private var directory = ""

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-report-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func record(_ id: String, _ team: String, day: String = "2026-12-01", channel: String = "form", fallback: Bool = false,
                        urgent: Bool = false, area: String = "", signals: [String] = [], delay: Int = 10) -> ArchiveEntry {
        .message(ArchiveRecord(id: id, receivedAt: day + "T09:00:00Z", queuedAt: day + "T09:00:01Z", delayMilliseconds: delay,
                               channel: channel, source: "s", team: team, priority: urgent ? "urgent" : "normal", fallback: fallback,
                               score: 4, area: area, signals: signals, subject: "", text: "<b>tekst</b>"))
    }

    func testCountsFollowCorrectionsAndCountEachIDOnce() throws {
        let store = ArchiveStore(directory: directory, retentionDays: 90)
        let day = ISO8601DateFormatter().date(from: "2026-12-02T12:00:00Z")!
        try store.append([
            record("A", "Stadsbeheer", urgent: true, area: "Noord", signals: ["lantaarnpaal", "paal"], delay: 5),
            record("B", "Stadsbeheer", channel: "call", signals: ["lantaarnpaal"], delay: 50),
            record("C", "KCC", day: "2026-12-02", fallback: true, delay: 500),
            record("D", "Wmo", day: "2026-11-01"),
            record("A", "Stadsbeheer", urgent: true, area: "Noord", signals: ["lantaarnpaal", "paal"], delay: 5),
            .correction(ArchiveCorrection(id: "B", from: "Stadsbeheer", to: "Milieu", time: "2026-12-02T10:00:00Z")),
            .correction(ArchiveCorrection(id: "B", from: "Stadsbeheer", to: "Milieu", time: "2026-12-02T10:00:00Z")),
            .correction(ArchiveCorrection(id: "C", from: "KCC", to: "Wmo", time: "2026-12-02T11:00:00Z")),
        ], at: day, sync: true)
        let figures = try ReportCounter.figures(of: store, period: ArchivePeriod(since: "2026-12-01"))
        XCTAssertEqual(figures.messages, 3, "A once, D before the period")
        XCTAssertEqual(figures.dayNames, ["2026-12-01", "2026-12-02"])
        XCTAssertEqual(figures.channels, ["form": 2, "call": 1])
        XCTAssertEqual(figures.fallback, 1)
        XCTAssertEqual(figures.urgent, 1)
        XCTAssertEqual(figures.corrections, 2, "a correction archived twice counts once")
        XCTAssertEqual(figures.teams["Stadsbeheer"]?.routed, 2)
        XCTAssertEqual(figures.teams["Stadsbeheer"]?.messages, 1)
        XCTAssertEqual(figures.teams["Stadsbeheer"]?.reroutedTo, ["Milieu": 1])
        XCTAssertEqual(figures.teams["Stadsbeheer"]?.reroutedShare, 0.5)
        XCTAssertEqual(figures.teams["Milieu"]?.messages, 1)
        XCTAssertEqual(figures.teams["Wmo"]?.messages, 1)
        XCTAssertEqual(figures.teams["Stadsbeheer"]?.topSignals(1).map(\.term), ["lantaarnpaal"])
        XCTAssertEqual(figures.areas, ["Noord": 1, "": 2])
        XCTAssertEqual(figures.queueDelay(percentile: 0.5), 50)
        XCTAssertEqual(figures.queueDelay(percentile: 0.95), 500)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ReportJSON.bytes(figures))) as? [String: Any])
        XCTAssertEqual(json["messages"] as? Int, 3)
        XCTAssertEqual(json["since"] as? String, "2026-12-01")
        XCTAssertTrue(json["intake"] is NSNull)
    }

    func testThePageEscapesTextAndDrawsEveryChartEvenWithoutData() {
        var figures = ReportFigures(period: ArchivePeriod())
        let empty = ReportHTML.page(figures, generatedAt: "2026-12-06T10:00:00Z")
        XCTAssertEqual(empty.components(separatedBy: "<svg class=\"chart\"").count - 1, 8)
        XCTAssertTrue(empty.contains("Geen gegevens in deze periode"))
        figures.messages = 1
        var day = ReportFigures.Day()
        day.messages = 1
        day.channels = ["form": 1]
        figures.days["2026-12-01"] = day
        var team = ReportFigures.Team()
        team.routed = 1
        team.messages = 1
        team.signals = ["\"paal\"": 1]
        figures.teams["<Team & Co>"] = team
        let page = ReportHTML.page(figures, generatedAt: "2026-12-06T10:00:00Z")
        XCTAssertFalse(page.contains("<Team & Co>"))
        XCTAssertTrue(page.contains("&lt;Team &amp; Co&gt;"))
        XCTAssertTrue(page.contains("&quot;paal&quot; (1)"))
        XCTAssertTrue(page.contains("Content-Security-Policy"))
    }
}
