import XCTest
@testable import Intake

final class WebVTTTests: XCTestCase {
    func testFixture() throws {
        let document = try WebVTT.parseDocument(String(decoding: try fixture("call.vtt"), as: UTF8.self))
        XCTAssertEqual(document.header["language"], "nl")
        XCTAssertEqual(document.header["kind"], "captions")
        XCTAssertEqual(document.cues.count, 5)
        XCTAssertEqual(document.cues[0], Cue(start: 0, end: 3.5, text: "Gemeente Katwijk, goedemiddag, u spreekt met Sanne.", speaker: "Medewerker"))
        XCTAssertEqual(document.cues[1].text, "Goedemiddag. Mijn vader is vorige week gevallen en hij kan de trap niet meer op.")
        XCTAssertEqual(document.cues[1].speaker, "Beller")
        XCTAssertEqual(document.cues[3].start, 11)
        XCTAssertEqual(document.cues[3].end, 17.64, accuracy: 1e-9)
        XCTAssertEqual(document.cues[4].speaker, "Beller")
        XCTAssertTrue(document.cues[4].text.hasSuffix("2225 KL. & hij is 84."))
    }

    func testHeaderIsRequired() {
        assertThrowsDescription("line 1: missing WEBVTT header") { try WebVTT.parse("00:01.000 --> 00:02.000\nHallo\n") }
        assertThrowsDescription("line 1: missing WEBVTT header") { try WebVTT.parse("WEBVTTX\n\n00:01.000 --> 00:02.000\nHallo\n") }
        assertThrowsDescription("line 1: missing WEBVTT header") { try WebVTT.parse("") }
        XCTAssertEqual(try WebVTT.parse("\u{FEFF}WEBVTT\tgesprek\n\n00:01.000 --> 00:02.000\nHallo\n").map(\.text), ["Hallo"])
    }

    func testTimestampForms() throws {
        let cues = try WebVTT.parse("""
            WEBVTT

            01:02.5 --> 01:03.250
            Kort

            100:00:00.000 --> 100:00:01.000
            Lang
            """)
        XCTAssertEqual(cues.map(\.start), [62.5, 360_000])
        XCTAssertEqual(cues.map(\.end), [63.25, 360_001])
    }

    func testMalformedTimingsNameTheLine() {
        assertThrowsDescription("line 4: invalid cue timing '00:00:0x.000 --> 00:00:02.000'") {
            try WebVTT.parse("WEBVTT\n\n1\n00:00:0x.000 --> 00:00:02.000\nHallo\n")
        }
        assertThrowsDescription("line 3: invalid cue timing '00:61.000 --> 00:62.000'") {
            try WebVTT.parse("WEBVTT\n\n00:61.000 --> 00:62.000\nHallo\n")
        }
        assertThrowsDescription("line 3: cue ends before it starts") {
            try WebVTT.parse("WEBVTT\n\n00:05.000 --> 00:04.000\nHallo\n")
        }
    }

    func testNoteStyleAndRegionBlocksAreSkipped() throws {
        let cues = try WebVTT.parse("""
            WEBVTT

            REGION
            id:onder width:40%

            STYLE
            ::cue { color: white }

            NOTE dit is
            een notitie over 00:01.000

            00:01.000 --> 00:02.000 region:onder align:left size:35%
            Alleen dit
            """)
        XCTAssertEqual(cues, [Cue(start: 1, end: 2, text: "Alleen dit")])
    }

    func testMarkupAndEntitiesAreRemoved() throws {
        let cues = try WebVTT.parse("""
            WEBVTT

            00:00.000 --> 00:03.000
            <v.luid Jan de Vries><c.geel>Ik</c> <i>wil</i> <00:00:01.500><b>een</b> <u>afspraak</u>
            &lt;maken&gt; &#233;n &#x20AC;5 &eacute; &lrm;
            """)
        XCTAssertEqual(cues.first?.text, "Ik wil een afspraak <maken> én €5 &eacute;")
        XCTAssertEqual(cues.first?.speaker, "Jan de Vries")
    }

    func testCRLFAndCuesWithoutBlankLines() throws {
        let cues = try WebVTT.parse("WEBVTT\r\n00:00.000 --> 00:01.000\r\nEen\r\n00:01.000 --> 00:02.000\r\nTwee\r\n\r\n\r\n")
        XCTAssertEqual(cues.map(\.text), ["Een", "Twee"])
    }

    func testBlocksWithoutTimingAreSkipped() throws {
        let cues = try WebVTT.parse("WEBVTT\n\nlosse regel\nnog een\n\n00:00.000 --> 00:01.000\nEen\n")
        XCTAssertEqual(cues.map(\.text), ["Een"])
    }

    func testUnclosedMarkupIsTextAndScannedOnce() throws {
        // Each '<' once searched the rest of the cue for '>': 50,000 of them took minutes.
        let opens = String(repeating: "<", count: 50_000)
        let cues = try WebVTT.parse("WEBVTT\n\n00:00.000 --> 00:01.000\nMijn paspoort " + opens + "\n")
        XCTAssertEqual(cues.first?.text, "Mijn paspoort " + opens)
        let overrides = String(repeating: "{\\", count: 25_000)
        XCTAssertEqual(try SRT.parse("1\n00:00:00,000 --> 00:00:01,000\nJa " + overrides + "\n").first?.text, "Ja " + overrides)
    }

    func testMarkupIsRemovedOnlyWithinReach() throws {
        let near = "<c." + String(repeating: "x", count: 190) + ">Ja"
        let far = "<c." + String(repeating: "x", count: 250) + ">Ja"
        let cues = try WebVTT.parse("WEBVTT\n\n00:00.000 --> 00:01.000\n\(near)\n\n00:01.000 --> 00:02.000\n\(far)\n")
        XCTAssertEqual(cues.map(\.text), ["Ja", far])
        XCTAssertEqual(try SRT.parse("1\n00:00:00,000 --> 00:00:01,000\n{\\an8}Hallo &amp;&#233;&#xE9;&bogus; <i>daar</i>\n").first?.text,
                       "Hallo &éé&bogus; daar")
    }

    func testALongCueKeepsItsText() throws {
        let words = String(repeating: "bla ", count: 250_000)
        let cues = try WebVTT.parse("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Beller>Mijn paspoort " + words + "\n")
        XCTAssertEqual(cues.first?.speaker, "Beller")
        XCTAssertEqual(cues.first?.text.utf8.count, "Mijn paspoort ".utf8.count + words.utf8.count - 1)
    }
}
