import Foundation
import XCTest

/// `classify --lines --json`: every line of output is one valid JSON object, whatever bytes the
/// input line held, with the members in their documented order.
final class ClassifyJSONLinesTests: XCTestCase {
    private let config = BinaryRunner.repositoryRoot.appendingPathComponent("routing.conf").path

    private static let keys = [
        "input", "team", "score", "confidence", "fallback", "priority", "reason", "signals", "urgentTerms",
        "runnerUp", "postcode", "houseNumber", "street", "place", "area", "areaBy",
    ]

    private func classify(_ bytes: [UInt8], name: String = "tricky") throws -> (path: String, lines: [Substring]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        let result = try BinaryRunner.run(["classify", "--lines", "--json", "--config", config, path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return (path, result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast())
    }

    func testTrickyLinesGiveJSONThatParses() throws {
        let lines: [[UInt8]] = [
            Array("De \"lantaarnpaal\" bij C:\\straat\\12 is kapot".utf8),
            [0x01, 0x08, 0x09, 0x0C, 0x1F, 0x7F] + Array(" zwerfvuil \u{1b}[31m rood".utf8),
            Array("Één scheve stoeptegel in Katwijk — 2221 AB, Dorpsstraat 12 🚲 \u{2028} ‘quote’".utf8),
            Array("stoeptegel los ".utf8) + [0xFF, 0xFE, 0xC3, 0x28, 0xE2, 0x82] + Array(" bij de brug".utf8),
            Array("stank \\\" \\u0000 \u{0}".utf8),
            [],
            Array("gaslucht\r".utf8),
        ]
        let (path, output) = try classify(Array(lines.joined(separator: [0x0A])) + [0x0A])
        XCTAssertEqual(output.count, lines.count, output.joined(separator: "\n"))
        for (number, line) in output.enumerated() {
            let object = try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "line \(number + 1): \(line)")
            XCTAssertEqual(Set(object.keys), Set(Self.keys), String(line))
            XCTAssertEqual(object["input"] as? String, "\(path):\(number + 1)")
            XCTAssertNotNil(object["score"] as? NSNumber)
            for signal in try XCTUnwrap(object["signals"] as? [[String: Any]]) {
                XCTAssertEqual(Set(signal.keys), ["term", "team", "weight", "field", "position"])
            }
        }
        XCTAssertEqual(output[6].contains("\"priority\":\"urgent\""), true, String(output[6]))
    }

    func testMembersKeepTheirOrder() throws {
        let (_, output) = try classify(Array("De lantaarnpaal voor Dorpsstraat 12, 2221 AB Katwijk is kapot\n".utf8))
        let line = try XCTUnwrap(output.first)
        let positions = Self.keys.map { key in line.range(of: "\"\(key)\":").map { line.distance(from: line.startIndex, to: $0.lowerBound) } }
        XCTAssertFalse(positions.contains(nil), String(line))
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted(), String(line))
        XCTAssertTrue(line.contains("\"postcode\":\"2221AB\""), String(line))
        XCTAssertTrue(line.contains("\"houseNumber\":\"12\""), String(line))
    }

    func testFileNamesAreEscapedInTheInputMember() throws {
        let (path, output) = try classify(Array("riool verstopt\n".utf8), name: "a\"b\\c")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output[0].utf8)) as? [String: Any])
        XCTAssertEqual(object["input"] as? String, "\(path):1")
    }
}
