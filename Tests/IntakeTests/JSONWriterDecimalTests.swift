import Foundation
import Messages
import XCTest

/// `JSONWriter.decimal`: scores and weights written compactly, and the calls for JSON Lines.
final class JSONWriterDecimalTests: XCTestCase {
    private func written(_ body: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter(capacity: 4)
        body(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    private func decimal(_ value: Double, pointZero: Bool = false) -> String {
        written { $0.decimal(value, pointZero: pointZero) }
    }

    func testWholeValuesHaveNoPointZero() {
        XCTAssertEqual(decimal(3), "3")
        XCTAssertEqual(decimal(-12), "-12")
        XCTAssertEqual(decimal(0), "0")
        XCTAssertEqual(decimal(100), "100")
    }

    func testFractionsKeepAtMostThreeDecimalsWithoutTrailingZeros() {
        XCTAssertEqual(decimal(2.35), "2.35")
        XCTAssertEqual(decimal(0.35), "0.35")
        XCTAssertEqual(decimal(-1.2), "-1.2")
        XCTAssertEqual(decimal(-0.5), "-0.5")
        XCTAssertEqual(decimal(0.1 + 0.2), "0.3")
        XCTAssertEqual(decimal(1.0 / 3.0), "0.333")
        XCTAssertEqual(decimal(2.0 / 3.0), "0.667")
        XCTAssertEqual(decimal(0.007), "0.007")
        XCTAssertEqual(decimal(0.05), "0.05")
        XCTAssertEqual(decimal(-3.1005), "-3.101")
        XCTAssertEqual(decimal(1.9996), "2")
    }

    func testNeverMinusZero() {
        XCTAssertEqual(decimal(-0.0), "0")
        XCTAssertEqual(decimal(-0.0004), "0")
        XCTAssertEqual(decimal(-0.0004, pointZero: true), "0.0")
    }

    func testNeverExponentNotation() {
        XCTAssertEqual(decimal(1e-7), "0")
        XCTAssertEqual(decimal(1e16), "10000000000000000")
        XCTAssertEqual(decimal(-2.5e20), "-250000000000000000000")
        XCTAssertEqual(decimal(123456789012.5), "123456789012.5")
        for value in [1e300, -1e-300, 5e-4, 9.99e14, 1.5e15] {
            let text = decimal(value)
            XCTAssertFalse(text.contains("e") || text.contains("E"), text)
            XCTAssertEqual(Double(text)!, value, accuracy: max(abs(value) * 1e-12, 0.0005), text)
        }
    }

    func testPointZeroWritesWholeValuesAsDescriptionDoes() {
        for value in [0.0, 1.0, 0.5, 0.81, 0.333, 0.001, 12.0] {
            XCTAssertEqual(decimal(value, pointZero: true), String(value))
        }
    }

    func testNonFiniteValuesAreNull() {
        XCTAssertEqual(decimal(.infinity), "null")
        XCTAssertEqual(decimal(-.infinity), "null")
        XCTAssertEqual(decimal(.nan), "null")
    }

    func testDecimalsAreSeparatedAndParse() throws {
        let text = written { json in
            json.beginArray()
            for value in [3, 2.35, -0.5, -0.0, 1e16] { json.decimal(value) }
            json.endArray()
        }
        XCTAssertEqual(text, "[3,2.35,-0.5,0,10000000000000000]")
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Double])
        XCTAssertEqual(parsed, [3, 2.35, -0.5, 0, 1e16])
    }

    func testStringWithALineNumberIsEscapedLikeAnyString() throws {
        let text = written { json in
            json.beginObject()
            json.key(literal: "input")
            json.string("a \"b\"\\\n.txt", line: 12)
            json.endObject()
            json.newline()
            json.beginObject()
            json.key(literal: "n")
            json.integer(1)
            json.endObject()
        }
        XCTAssertEqual(text, "{\"input\":\"a \\\"b\\\"\\\\\\n.txt:12\"}\n{\"n\":1}")
        let first = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.split(separator: "\n")[0].utf8)) as? [String: String])
        XCTAssertEqual(first["input"], "a \"b\"\\\n.txt:12")
    }

    func testRemoveAllStartsAfresh() {
        var json = JSONWriter(capacity: 4)
        json.beginArray()
        json.integer(1)
        json.removeAll()
        XCTAssertEqual(json.byteCount, 0)
        json.integer(2)
        XCTAssertEqual(json.withBytes { String(decoding: $0, as: UTF8.self) }, "2")
    }
}
