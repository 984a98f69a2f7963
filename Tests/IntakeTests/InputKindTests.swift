import XCTest
@testable import Intake
import Messages

final class InputKindTests: XCTestCase {
    private func kind(_ name: String, _ content: String) -> InputKind? {
        InputKind.detect(fileName: name, bytes: utf8(content))
    }

    func testFixturesAreDetected() throws {
        let expected: [(String, InputKind?)] = [
            ("flat-form.json", .formJSON), ("open-formulieren.json", .formJSON), ("whisper.json", .callWhisper),
            ("call.vtt", .callVTT), ("call.srt", .callSRT), ("call.txt", .callText), ("call.meta.json", nil),
        ]
        for (name, kind) in expected {
            XCTAssertEqual(InputKind.detect(fileName: name, bytes: try fixture(name)), kind, name)
        }
    }

    func testJSONIsWhisperOnlyWithoutFormFields() {
        XCTAssertEqual(kind("a.json", #"{"segments": [], "subject": "x"}"#), .callWhisper)
        XCTAssertEqual(kind("a.json", #"{"text": "Hallo", "language": "nl"}"#), .callWhisper)
        XCTAssertEqual(kind("a.json", #"{"text": "Hallo", "language": "nl", "email": "a@example.nl"}"#), .formJSON)
        XCTAssertEqual(kind("a.json", #"{"text": "Hallo"}"#), .formJSON)
        XCTAssertEqual(kind("A.JSON", #"{"values": {}}"#), .formJSON)
        XCTAssertEqual(kind("kapot.json", #"{"text": "#), .formJSON)
    }

    func testTranscriptsByNameAndContent() {
        XCTAssertEqual(kind("gesprek.VTT", "iets"), .callVTT)
        XCTAssertEqual(kind("gesprek.txt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHallo"), .callVTT)
        XCTAssertEqual(kind("gesprek", "\u{FEFF}WEBVTT\n"), .callVTT)
        XCTAssertEqual(kind("gesprek.srt", ""), .callSRT)
        XCTAssertEqual(kind("gesprek.txt", "\n1\r\n00:00:01,000 --> 00:00:02,000\r\nHallo"), .callSRT)
        XCTAssertEqual(kind("gesprek.txt", "12 lantaarnpalen zijn kapot"), .callText)
        XCTAssertNil(kind("gesprek.wav", "RIFF"))
        XCTAssertNil(kind("bericht.eml", "From: a@example.nl"))
    }

    func testInputNormalizerDispatchesByKind() throws {
        let call = try InputNormalizer.normalize(
            fileName: "call.srt", bytes: try fixture("call.srt"), sidecar: try fixture("call.meta.json"), source: testSource
        )
        XCTAssertEqual(call.message.channel, .call)
        XCTAssertEqual(call.message.channelData["format"], .string("srt"))
        let form = try InputNormalizer.normalize(fileName: "open-formulieren.json", bytes: try fixture("open-formulieren.json"),
                                                 source: testSource, aliases: FieldAliases(["place": ["city"]]))
        XCTAssertEqual(form.message.location.place, "Rijnsburg")
        assertThrowsDescription("unsupported input 'opname.mp3'") {
            try InputNormalizer.normalize(fileName: "/var/spool/opname.mp3", bytes: [], source: testSource)
        }
    }
}
