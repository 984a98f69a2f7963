import Archive
import Foundation
import XCTest

final class ArchiveStoreTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-archive-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func record(_ id: String, team: String = "Stadsbeheer", day: String = "2026-12-01", fallback: Bool = false,
                        text: String = "lantaarnpaal kapot") -> ArchiveRecord {
        ArchiveRecord(id: id, receivedAt: day + "T10:00:00.000Z", queuedAt: day + "T10:00:00.005Z", delayMilliseconds: 5,
                      channel: "form", source: "forms", team: team, priority: "normal", fallback: fallback, score: 4.5,
                      area: "Katwijk", signals: ["lantaarnpaal"], subject: "", text: text)
    }

    private func date(_ day: String) -> Date {
        ISO8601DateFormatter().date(from: day + "T12:00:00Z")!
    }

    func testLinesRoundTripWithEscapes() {
        let awkward = ArchiveRecord(
            id: "A1", receivedAt: "2026-12-01T10:00:00Z", queuedAt: "2026-12-01T10:00:01Z", delayMilliseconds: 1000,
            channel: "email", source: "kcc\tmail", team: "Wmo", priority: "urgent", fallback: true, score: 2.35,
            area: "", signals: ["losse, tegel", "back\\slash", "=exact"], subject: "Re:\r\nvraag",
            text: "regel 1\nregel\t2 \\n geen escape")
        let correction = ArchiveCorrection(id: "A1", from: "Wmo", to: "KCC", time: "2026-12-02T08:00:00Z", note: "niet\tvan ons")
        let acceptance = ArchiveAcceptance(id: "A1", team: "Team\tMet tab", time: "2026-12-02T08:00:01Z", milliseconds: 1234)
        for entry in [ArchiveEntry.message(awkward), .correction(correction), .accepted(acceptance), .message(record("B2"))] {
            var bytes: [UInt8] = []
            ArchiveLineCodec.append(entry, to: &bytes)
            XCTAssertEqual(bytes.last, 0x0A)
            XCTAssertEqual(bytes.filter { $0 == 0x0A }.count, 1, "one line per entry")
            XCTAssertEqual(ArchiveLineCodec.decode(bytes.dropLast()), entry)
            XCTAssertEqual(ArchiveLineCodec.id(of: bytes.dropLast()).map(String.init), entry.id)
        }
    }

    func testTornAndUnknownLinesAreSkipped() throws {
        let store = ArchiveStore(directory: directory, retentionDays: 90)
        try store.append([.message(record("A")), .message(record("B"))], at: date("2026-12-01"), sync: true)
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: store.segmentPath(day: "2026-12-01"))))
        bytes += Array("X\tsomething new\n".utf8) + Array("M\tC\t2026-12-01T1".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: store.segmentPath(day: "2026-12-01")))
        XCTAssertEqual(try store.entries().map(\.id), ["A", "B"])
    }

    func testExpiryRemovesSegmentsOlderThanTheRetention() throws {
        let store = ArchiveStore(directory: directory, retentionDays: 3)
        for day in ["2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"] {
            try store.append([.message(record(day, day: day))], at: date(day), sync: true)
        }
        XCTAssertEqual(try store.expire(now: date("2026-11-30")), ["2026-11-27"])
        XCTAssertEqual(store.days(), ["2026-11-28", "2026-11-29", "2026-11-30"])
        let off = ArchiveStore(directory: directory, retentionDays: 0)
        XCTAssertEqual(try off.expire(now: date("2026-11-30")), ["2026-11-28", "2026-11-29", "2026-11-30"],
                       "an archive switched off keeps none, not even what an earlier setting kept")
        XCTAssertEqual(store.days(), [])
    }

    func testRewriteLeavesOutTheGivenIDsDurably() throws {
        let store = ArchiveStore(directory: directory, retentionDays: 90)
        try store.append([.message(record("A")), .message(record("B")), .message(record("C"))], at: date("2026-12-01"), sync: true)
        try store.append([.correction(ArchiveCorrection(id: "B", from: "Stadsbeheer", to: "Milieu", time: "2026-12-02T09:00:00Z"))],
                         at: date("2026-12-02"), sync: true)
        XCTAssertEqual(try store.remove(ids: ["B"]), 2)
        XCTAssertEqual(try store.entries().map(\.id), ["A", "C"])
        XCTAssertEqual(try store.rewrite(day: "2026-12-01", without: ["nothing"]), 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        XCTAssertFalse(names.contains { $0.hasSuffix(".tmp") }, "no temporary file left: \(names)")
    }

    func testHistoryGivesTheTeamAfterCorrectionsAndLeavesOutUncorrectedFallbacks() throws {
        let store = ArchiveStore(directory: directory, retentionDays: 90)
        try store.append([
            .message(record("A", team: "Stadsbeheer", text: "lantaarnpaal\tkapot\n")),
            .message(record("B", team: "Stadsbeheer", text: "stank van de fabriek")),
            .message(record("C", team: "KCC", fallback: true, text: "vraag")),
            .message(record("D", team: "KCC", fallback: true, text: "rolstoel kapot")),
            .message(record("E", team: "Wmo", day: "2026-11-20", text: "te vroeg")),
        ], at: date("2026-12-01"), sync: true)
        try store.append([
            .correction(ArchiveCorrection(id: "B", from: "Stadsbeheer", to: "Wmo", time: "2026-12-02T09:00:00Z")),
            .correction(ArchiveCorrection(id: "B", from: "Wmo", to: "Milieu", time: "2026-12-02T10:00:00Z")),
            .correction(ArchiveCorrection(id: "D", from: "KCC", to: "Wmo", time: "2026-12-02T10:00:00Z")),
            .message(record("A")),
        ], at: date("2026-12-02"), sync: true)
        var lines: [String] = []
        try ArchiveHistory.forEachLine(in: store, period: ArchivePeriod(since: "2026-12-01", until: "2026-12-01")) { lines.append($0) }
        XCTAssertEqual(lines, ["Stadsbeheer\tlantaarnpaal kapot", "Milieu\tstank van de fabriek", "Wmo\trolstoel kapot"])
    }

    func testPeriodBounds() {
        let period = ArchivePeriod(since: "2026-12-01", until: "2026-12-07")
        XCTAssertTrue(period.contains("2026-12-01T00:00:00Z"))
        XCTAssertTrue(period.contains("2026-12-07T23:59:59Z"))
        XCTAssertFalse(period.contains("2026-11-30T23:59:59Z"))
        XCTAssertFalse(period.contains("2026-12-08T00:00:00Z"))
        XCTAssertTrue(ArchivePeriod().contains("1999-01-01"))
    }
}
