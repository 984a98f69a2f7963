import XCTest
@testable import Intake
import Messages

/// Inputs written to break the JSON reader and the base64 decoder.
final class HostileInputTests: XCTestCase {
    private func parse(_ text: String) throws -> IntakeJSON.Node {
        try IntakeJSON.parse(utf8(text))
    }

    func testNestingIsLimitedTo64Levels() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNoThrow(try parse(ok))
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        assertThrows(.nestingTooDeep(offset: 64, limit: 64)) { try parse(deep) }
        let form = #"{"text": "x", "a": "# + String(repeating: #"{"b": "#, count: 70)
        assertThrowsDescription("JSON nested deeper than 64 levels at byte 397") {
            try FormNormalizer.normalize(utf8(form), source: testSource)
        }
        let huge = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        assertThrows(.nestingTooDeep(offset: 64, limit: 64)) { try IntakeJSON.parse(huge) }
    }

    func testDuplicateKeysAreRejected() {
        assertThrowsDescription("duplicate key 'text' at byte 36") {
            try FormNormalizer.normalize(utf8(#"{"text": "Onschuldig", "name": "x", "text": "Anders"}"#), source: testSource)
        }
        assertThrows(.duplicateKey("k", offset: 28)) { try parse(#"{"values": {"k": 1, "x": 2, "k": 3}}"#) }
        // Escapes do not hide a duplicate.
        assertThrows(.duplicateKey("text", offset: 12)) { try parse(#"{"text": 1, "t\u0065xt": 2}"#) }
        XCTAssertNoThrow(try parse(#"{"a": {"k": 1}, "b": {"k": 1}}"#))
    }

    func testSyntaxErrorsGiveTheByteOffset() {
        let cases: [(String, NormalizeError)] = [
            ("", .invalidJSON(offset: 0, reason: "empty input")),
            ("  \n", .invalidJSON(offset: 3, reason: "empty input")),
            (#"{"text": "a",}"#, .invalidJSON(offset: 13, reason: "expected a string key")),
            (#"{"text" "a"}"#, .invalidJSON(offset: 8, reason: "expected ':' after key")),
            (#"{"text": "a""#, .invalidJSON(offset: 12, reason: "unterminated object")),
            (#"{"text": "a"} x"#, .invalidJSON(offset: 14, reason: "unexpected data after the JSON value")),
            (#"{"n": 012}"#, .invalidJSON(offset: 6, reason: "leading zero in number")),
            (#"{"n": 1.}"#, .invalidJSON(offset: 6, reason: "invalid number")),
            (#"{"n": -}"#, .invalidJSON(offset: 6, reason: "invalid number")),
            (#"{"n": NaN}"#, .invalidJSON(offset: 6, reason: "unexpected character 'N'")),
            (#"{"n": tru}"#, .invalidJSON(offset: 6, reason: "invalid literal")),
            ("{\"t\": \"a\tb\"}", .invalidJSON(offset: 8, reason: "unescaped control character in string")),
            (#"{"t": "a\qb"}"#, .invalidJSON(offset: 8, reason: "invalid escape sequence")),
            (#"{"t": "\u12G4"}"#, .invalidJSON(offset: 7, reason: #"invalid \u escape"#)),
            (#"{"t": "abc"#, .invalidJSON(offset: 6, reason: "unterminated string")),
            ("[1 2]", .invalidJSON(offset: 3, reason: "expected ',' or ']'")),
            ("{'t': 1}", .invalidJSON(offset: 1, reason: "expected a string key")),
        ]
        for (text, expected) in cases {
            assertThrows(expected) { try parse(text) }
        }
        assertThrowsDescription("invalid JSON at byte 13: expected a string key") {
            try FormNormalizer.normalize(utf8(#"{"text": "a",}"#), source: testSource)
        }
    }

    func testStringsAndNumbersAreReadFaithfully() throws {
        let node = try IntakeJSON.parse([0xEF, 0xBB, 0xBF] + utf8(#"{"a": "\u00e9\ud83d\ude00\ud800x\n", "b": -1.5e3, "c": [true, false, null]}"#))
        guard case .object(let object) = node else { return XCTFail("not an object") }
        XCTAssertEqual(object.members.map(\.key), ["a", "b", "c"])
        XCTAssertEqual(object["a"], .string("é😀\u{FFFD}x\n"))
        XCTAssertEqual(object["b"], .number("-1.5e3"))
        XCTAssertEqual(object["b"]?.jsonValue, .number(-1500))
        XCTAssertEqual(object["c"], .array([.bool(true), .bool(false), .null]))
    }

    func testInvalidUTF8InKeysAndValuesIsRepaired() throws {
        let bytes = utf8(#"{"zz"#) + [0xC0, 0xAF] + utf8(#"": "x", "subject": ""#) + [0xED, 0xA0, 0x80] + utf8(#""}"#)
        let input = try FormNormalizer.normalize(bytes, source: testSource)
        XCTAssertEqual(input.message.subject, "\u{FFFD}\u{FFFD}\u{FFFD}")
        XCTAssertEqual(input.fieldKeys, ["zz\u{FFFD}\u{FFFD}"])
    }

    func testErrorDescriptionsStayOnOneLine() {
        let key = "a\nb\r" + String(repeating: "k", count: 200)
        let error = NormalizeError.duplicateKey(key, offset: 1)
        XCTAssertFalse(error.description.contains("\n"))
        XCTAssertLessThan(error.description.count, 130)
    }

    func testStrictBase64() {
        XCTAssertEqual(StrictBase64.decode("aGFsbG8="), utf8("hallo"))
        XCTAssertEqual(StrictBase64.decode("aGFsbG8"), utf8("hallo"))
        XCTAssertEqual(StrictBase64.decode("aGFs\r\nbG8h"), utf8("hallo!"))
        XCTAssertEqual(StrictBase64.decode(""), [])
        XCTAssertEqual(StrictBase64.decode("+/+/"), [0xFB, 0xFF, 0xBF])
        for bad in ["aGFsbG8$", "aGFsbG8==", "aGF=sbG8", "a", "aGFsb", "QR==", "aGFsbG8-", "aGFsbG8_", "====", "é"] {
            XCTAssertNil(StrictBase64.decode(bad), bad)
        }
    }

    func testDataURLs() throws {
        XCTAssertEqual(try DataURL.parse("data:image/png;base64,iVBORw==", field: "f"), DataURL(mediaType: "image/png", bytes: [0x89, 0x50, 0x4E, 0x47]))
        XCTAssertEqual(try DataURL.parse("DATA:,a%2Cb", field: "f"), DataURL(mediaType: "", bytes: utf8("a,b")))
        XCTAssertNil(try DataURL.parse("https://example.nl/a.png", field: "f"))
        assertThrows(.invalidField(field: "f", reason: "is a data URL without ','")) { try DataURL.parse("data:image/png;base64", field: "f") }
        assertThrows(.invalidField(field: "f", reason: "is a data URL with a bad %-escape")) { try DataURL.parse("data:,50%", field: "f") }
    }
}
