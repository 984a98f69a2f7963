import Foundation
import Messages
import XCTest

/// `channelData` numbers that JSON cannot hold must not make a message unwritable.
final class JSONValueEncodingTests: XCTestCase {
    func testInfinityAndNaNEncodeAsNull() throws {
        let value = JSONValue.object(["a": .number(.infinity), "b": .number(-.infinity), "c": .number(.nan), "d": .number(2.5)])
        let data = try JSONEncoder().encode(value)
        let decoded = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        XCTAssertTrue(decoded?["a"] is NSNull)
        XCTAssertTrue(decoded?["b"] is NSNull)
        XCTAssertTrue(decoded?["c"] is NSNull)
        XCTAssertEqual(decoded?["d"] as? Double, 2.5)
    }

    func testAMessageWithAnInfiniteNumberIsWritten() throws {
        let message = Message(channel: .call, source: SourceReference(name: "calls", ref: "x.json"), text: "x",
                              channelData: ["asrConfidence": .number(.infinity)])
        let data = MessageJSON.encode(message)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains(#""asrConfidence":null"#))
    }
}
