import XCTest
@testable import Intake
import Messages

final class CallNormalizerTests: XCTestCase {
    private func call(
        _ name: String, kind: InputKind, sidecar: String? = nil, file: StaticString = #filePath, line: UInt = #line
    ) throws -> NormalizedInput {
        let meta = try sidecar.map { try fixture($0, file: file, line: line) }
        return try CallNormalizer.normalize(try fixture(name, file: file, line: line), kind: kind, sidecar: meta, source: testSource)
    }

    func testWhisperWithSidecar() throws {
        let input = try call("whisper.json", kind: .callWhisper, sidecar: "call.meta.json")
        let message = input.message
        XCTAssertEqual(message.channel, .call)
        XCTAssertEqual(message.text, """
            Goedemorgen, u spreekt met Jan Bakker. Ik bel omdat mijn paspoort volgende maand verloopt en ik op \
            vakantie ga. Kan ik al een afspraak maken om een nieuw paspoort aan te vragen? En moet ik dan een \
            pasfoto meenemen of kan dat bij het gemeentehuis? Mijn postcode is 2221 AB, huisnummer 12.
            """)
        XCTAssertEqual(message.sender, Sender(phone: "+31612345678"))
        XCTAssertEqual(message.subject, "")
        XCTAssertEqual(message.channelData, [
            "format": .string("whisper"), "durationSeconds": .number(94.5), "asrConfidence": .number(0.87),
            "language": .string("nl"), "caller": .string("+31612345678"),
            "startedAt": .string("2025-11-28T10:02:13+01:00"),
        ])
        XCTAssertEqual(input.attachments, [])
    }

    func testWhisperWithoutSidecarDerivesDurationAndConfidence() throws {
        let input = try call("whisper.json", kind: .callWhisper)
        XCTAssertEqual(input.message.channelData["durationSeconds"], .number(26.5))
        // mean exp(avg_logprob) over the six segments that are not silence
        XCTAssertEqual(input.message.channelData["asrConfidence"], .number(0.743))
        XCTAssertNil(input.message.channelData["caller"])
        XCTAssertNil(input.message.sender.phone)
        XCTAssertFalse(input.message.text.contains("Amara"))
    }

    func testExtremeWhisperNumbersGiveAFiniteConfidenceAndDurationThatEncode() throws {
        // exp(1e308) was infinity, and so was 1e308 rounded to 3 decimals: the message JSON
        // could not be written and the daemon retried the commit for ever.
        let input = try CallNormalizer.normalize(utf8("""
            {"text": "x", "language": "nl", "segments": [
              {"start": -1e308, "end": 1e308, "text": "Mijn paspoort is verlopen.", "avg_logprob": 1e308},
              {"start": 0, "end": 1, "text": "Ja.", "avg_logprob": -1e308}]}
            """), kind: .callWhisper, sidecar: nil, source: testSource)
        XCTAssertEqual(input.message.channelData["asrConfidence"], .number(0.5))
        XCTAssertEqual(input.message.channelData["durationSeconds"], .number(1e308))
        XCTAssertFalse(MessageJSON.bytes(input.message).isEmpty)
        let sidecar = try CallNormalizer.normalize(
            utf8("Mijn paspoort is verlopen."), kind: .callText,
            sidecar: utf8(#"{"durationSeconds": 1.7e308}"#), source: testSource)
        XCTAssertEqual(sidecar.message.channelData["durationSeconds"], .number(1.7e308))
        XCTAssertFalse(MessageJSON.bytes(sidecar.message).isEmpty)
    }

    func testWhisperWithoutSegmentsUsesItsText() throws {
        let input = try CallNormalizer.normalize(
            utf8(#"{"text": " Ik wil mijn verhuizing doorgeven.", "language": "nl"}"#),
            kind: .callWhisper, sidecar: nil, source: testSource
        )
        XCTAssertEqual(input.message.text, "Ik wil mijn verhuizing doorgeven.")
        XCTAssertNil(input.message.channelData["durationSeconds"])
        XCTAssertNil(input.message.channelData["asrConfidence"])
    }

    func testWhisperSegmentErrorsNameTheField() {
        assertThrowsDescription("field 'segments[1].start' must be a number") {
            try CallNormalizer.normalize(utf8("""
                {"segments": [{"start": 0, "end": 1, "text": "Ja"}, {"start": "1", "end": 2, "text": "Nee"}]}
                """), kind: .callWhisper, sidecar: nil, source: testSource)
        }
        assertThrowsDescription("field 'segments' must be an array") {
            try CallNormalizer.normalize(utf8(#"{"segments": {}}"#), kind: .callWhisper, sidecar: nil, source: testSource)
        }
    }

    func testWebVTT() throws {
        let input = try call("call.vtt", kind: .callVTT)
        XCTAssertEqual(input.message.text, """
            Gemeente Katwijk, goedemiddag, u spreekt met Sanne. Goedemiddag. Mijn vader is vorige week gevallen en \
            hij kan de trap niet meer op. Kunnen wij een traplift of een andere woningaanpassing aanvragen via de \
            Wmo? Hij woont aan de Visserstraat 8 in Katwijk, postcode 2225 KL. & hij is 84.
            """)
        XCTAssertEqual(input.message.channelData["durationSeconds"], .number(23.3))
        XCTAssertEqual(input.message.channelData["language"], .string("nl"))
        XCTAssertEqual(input.message.channelData["format"], .string("webvtt"))
        XCTAssertNil(input.message.channelData["asrConfidence"])
    }

    func testSRTWithSidecar() throws {
        let input = try call("call.srt", kind: .callSRT, sidecar: "call.meta.json")
        XCTAssertEqual(input.message.text, """
            Goedendag, ik wil een klacht indienen over stankoverlast. Het bedrijf op het industrieterrein \
            verbrandt 's avonds afval, het stinkt enorm. Ik woon in Rijnsburg, Laan van Verhof 3. \
            Mijn kinderen kunnen niet buiten spelen door de rook.
            """)
        XCTAssertEqual(input.message.channelData["durationSeconds"], .number(94.5))
        XCTAssertEqual(input.message.sender.phone, "+31612345678")
    }

    func testPlainText() throws {
        let input = try call("call.txt", kind: .callText)
        XCTAssertTrue(input.message.text.hasPrefix("Beller: Goedemiddag"))
        XCTAssertTrue(input.message.text.contains("op de stoep.\nBeller: Kan de gemeente"))
        XCTAssertEqual(input.message.channelData, ["format": .string("text")])
    }

    func testInvalidUTF8InATranscriptIsRepaired() throws {
        let input = try CallNormalizer.normalize([0xEF, 0xBB, 0xBF] + utf8("Stank bij de ") + [0xC3] + utf8(" haven"),
                                                 kind: .callText, sidecar: nil, source: testSource)
        XCTAssertEqual(input.message.text, "Stank bij de \u{FFFD} haven")
    }

    func testEmptyTranscriptsAreRejected() {
        assertThrows(.emptyText) {
            try CallNormalizer.normalize(utf8(" \r\n\t"), kind: .callText, sidecar: nil, source: testSource)
        }
        assertThrows(.emptyText) {
            try CallNormalizer.normalize(utf8("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Beller></v>\n"),
                                         kind: .callVTT, sidecar: nil, source: testSource)
        }
        assertThrows(.emptyText) {
            try CallNormalizer.normalize(utf8(#"{"text": "", "segments": [], "language": "nl"}"#),
                                         kind: .callWhisper, sidecar: nil, source: testSource)
        }
    }

    func testSidecarErrors() {
        let transcript = utf8("Mijn rijbewijs is verlopen.")
        func normalize(_ sidecar: String) throws -> NormalizedInput {
            try CallNormalizer.normalize(transcript, kind: .callText, sidecar: utf8(sidecar), source: testSource)
        }
        assertThrowsDescription("sidecar: field 'asrConfidence' must be a number from 0 to 1") {
            try normalize(#"{"asrConfidence": 1.7}"#)
        }
        assertThrowsDescription("sidecar: field 'durationSeconds' must be a number of seconds") {
            try normalize(#"{"durationSeconds": -3}"#)
        }
        assertThrowsDescription("sidecar: invalid JSON at byte 10: unexpected character '}'") {
            try normalize(#"{"caller":}"#)
        }
        assertThrowsDescription("sidecar: duplicate key 'caller' at byte 19") {
            try normalize(#"{"caller": "0612", "caller": "0613"}"#)
        }
    }

    func testSidecarNumbersAsTextAndExtraKeys() throws {
        let input = try CallNormalizer.normalize(
            utf8("Mijn rijbewijs is verlopen."), kind: .callText,
            sidecar: utf8(#"{"caller": 612345678, "durationSeconds": "31.25", "queue": "burgerzaken", "language": "nl"}"#),
            source: testSource
        )
        XCTAssertEqual(input.message.sender.phone, "612345678")
        XCTAssertEqual(input.message.channelData["durationSeconds"], .number(31.25))
        XCTAssertEqual(input.message.channelData["language"], .string("nl"))
        XCTAssertEqual(input.message.channelData["fields"], .object(["queue": .string("burgerzaken")]))
    }

    func testFormKindIsNoCall() {
        assertThrowsDescription("form JSON is not a call transcript") {
            try CallNormalizer.normalize(utf8("{}"), kind: .formJSON, sidecar: nil, source: testSource)
        }
    }

    func testConsecutiveRepeatsAreDroppedButNotLaterOnes() {
        let cues = [
            Cue(start: 0, end: 1, text: "Ja."), Cue(start: 1, end: 2, text: "ja"), Cue(start: 2, end: 3, text: ""),
            Cue(start: 3, end: 4, text: "Dat klopt."), Cue(start: 4, end: 5, text: "Ja."),
        ]
        XCTAssertEqual(CallNormalizer.joined(cues), "Ja. Dat klopt. Ja.")
    }
}
