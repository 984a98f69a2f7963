import XCTest
@testable import Intake

final class SRTTests: XCTestCase {
    func testFixtureWithBOMCRLFAndAMissingBlankLine() throws {
        let cues = try SRT.parse(String(decoding: try fixture("call.srt"), as: UTF8.self))
        XCTAssertEqual(cues.count, 5)
        XCTAssertEqual(cues[0], Cue(start: 0, end: 4.2, text: "Goedendag, ik wil een klacht indienen over stankoverlast."))
        XCTAssertEqual(cues[1].text, "Het bedrijf op het industrieterrein verbrandt 's avonds afval, het stinkt enorm.")
        XCTAssertEqual(cues[2].start, 10.9, accuracy: 1e-9)
        XCTAssertEqual(cues[4].text, "Mijn kinderen kunnen niet buiten spelen door de rook.")
        XCTAssertEqual(cues[4].end, 21.45, accuracy: 1e-9)
    }

    func testPeriodSeparatorAndMissingNumbers() throws {
        let cues = try SRT.parse("""
            00:00:01.000 --> 00:00:02.500
            Een
            00:00:02,500 --> 00:00:04,000
            Twee
            regels
            """)
        XCTAssertEqual(cues, [Cue(start: 1, end: 2.5, text: "Een"), Cue(start: 2.5, end: 4, text: "Twee regels")])
    }

    func testNumberedCuesWithoutBlankLines() throws {
        let cues = try SRT.parse("1\n00:00:00,000 --> 00:00:01,000\nEen\n2\n00:00:01,000 --> 00:00:02,000\nTwee\n12 kinderen\n")
        XCTAssertEqual(cues.map(\.text), ["Een", "Twee 12 kinderen"])
    }

    func testMalformedTimingNamesTheLine() {
        assertThrowsDescription("line 6: invalid cue timing '00:00:05,000 --> 00:00:0?,000'") {
            try SRT.parse("1\n00:00:00,000 --> 00:00:01,000\nEen\n\n2\n00:00:05,000 --> 00:00:0?,000\nTwee\n")
        }
    }

    func testTextWithoutCuesIsAnError() {
        assertThrowsDescription("line 2: no SRT cue found") { try SRT.parse("\nDit is geen ondertitel.\n") }
        XCTAssertEqual(try SRT.parse(""), [])
        XCTAssertEqual(try SRT.parse("\r\n\r\n"), [])
    }
}
