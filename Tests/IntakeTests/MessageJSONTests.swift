import Foundation
import Messages
import XCTest

/// The hand-written message JSON must say what the `Codable` form says.
final class MessageJSONTests: XCTestCase {
    private static func codable(_ message: Message) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(message))
    }

    private func assertSameAsCodable(_ message: Message, file: StaticString = #filePath, line: UInt = #line) throws {
        let written = MessageJSON.bytes(message)
        XCTAssertEqual(String(decoding: written, as: UTF8.self), String(decoding: try Self.codable(message), as: UTF8.self),
                       file: file, line: line)
        XCTAssertEqual(try MessageJSON.decode(Data(written)), message, file: file, line: line)
    }

    private static let full = Message(
        id: "wgw-1", receivedAt: "2026-11-29T10:15:00.123Z", channel: .form,
        source: SourceReference(name: "forms", ref: "a/b.json"),
        sender: Sender(name: "Anna \"de\" Vries", email: "anna@example.nl", phone: nil),
        subject: "Lantaarnpaal\tkapot\\", text: "Regel 1\nRegel 2\r\n\u{1}\u{8}\u{c} één 🚲 </tag>",
        location: Location(postcode: "2221AB", houseNumber: "12A", street: nil, place: "Katwijk", area: "Noord"),
        attachments: [Attachment(filename: "foto.jpg", contentType: "image/jpeg", size: 1234, sha256: "ab", path: "attachments/wgw-1/foto.jpg")],
        channelData: ["fields": .object(["b": .number(2.5), "a": .array([.bool(true), .null, .number(-3)])]), "x": .string("y")],
        routing: RoutingSummary(team: "Stadsbeheer", score: 8, confidence: 0.6667, fallback: false, priority: "normal",
                                reason: "signals", signals: [MatchedSignal(term: "lantaarnpaal", team: "Stadsbeheer", weight: 8)],
                                configHash: "cafe"))

    func testAFullMessageIsWrittenAsTheCodableFormWritesIt() throws {
        try assertSameAsCodable(Self.full)
    }

    func testACorrectedMessageKeepsItsFirstDecisionUnderPrevious() throws {
        var message = Self.full
        let first = try XCTUnwrap(message.routing)
        message.routing?.team = "Milieu"
        message.routing?.reason = "rerouted from Stadsbeheer: stank, niet kapot"
        message.routing?.previous = PreviousRouting(first)
        try assertSameAsCodable(message)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: MessageJSON.encode(message)) as? [String: Any])
        let routing = try XCTUnwrap(json["routing"] as? [String: Any])
        XCTAssertEqual((routing["previous"] as? [String: Any])?["team"] as? String, "Stadsbeheer")
        XCTAssertNil((routing["previous"] as? [String: Any])?["previous"], "only one level")
    }

    func testAMapPointAndHowTheAreaWasFoundAreWrittenAsTheCodableFormWritesThem() throws {
        var message = Self.full
        message.location.areaBy = "point"
        for point in [Coordinates(lat: 52.2171, lon: 4.4012), Coordinates(lat: 52, lon: 4), Coordinates(lat: -0.5, lon: 179.999999)] {
            message.location.coordinates = point
            try assertSameAsCodable(message)
        }
    }

    func testOptionalPartsAreLeftOutWhenAbsent() throws {
        let message = Message(channel: .webhook, source: SourceReference(name: "hook", ref: "msg_1"), text: "")
        try assertSameAsCodable(message)
        XCTAssertFalse(String(decoding: MessageJSON.bytes(message), as: UTF8.self).contains("routing"))
    }

    func testConfidencesAndIntegralNumbers() throws {
        for confidence in [0.0, -0.0, 1.0, 0.5, 1.0 / 3.0, 1e-7, 1e15, 1.5e15, 1e16, -2.5e300] {
            var message = Self.full
            message.routing?.confidence = confidence
            message.channelData = ["n": .number(confidence * 100), "m": .number(confidence)]
            try assertSameAsCodable(message)
        }
    }

    func testRandomTextRoundTrips() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "\"", "\\", "/", "\n", "\u{0}", "\u{1f}", "\u{7f}", "é", "€", "😀", " ", "\u{2028}"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var message = Self.full
            message.text = text
            message.subject = String(text.reversed())
            message.channelData = [text: .string(text)]
            XCTAssertEqual(try MessageJSON.decode(MessageJSON.encode(message)), message)
        }
    }

    func testWriterIntegersAndEscapesAtTheEdges() {
        var writer = JSONWriter()
        writer.array { list in
            for value in [0, 7, -5, 1_234_567, Int.max, Int.min] { list.integer(value) }
            for text in ["", "\"", "a\\", "\u{1}x\u{1f}", "é\n"] { list.string(text) }
        }
        XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self),
                       #"[0,7,-5,1234567,9223372036854775807,-9223372036854775808,"","\"","a\\","\u0001x\u001f","é\n"]"#)
    }
}
