import Foundation
import Intake
import XCTest

/// The raw requests of `Tests/Fixtures/hostile/http` through the request parser: each is read,
/// refused with the status and label, or left incomplete, as its README line says.
final class HostileHTTPCorpusTests: XCTestCase {
    func testEveryHostileRequestGetsTheOutcomeItsReadmeNames() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hostile")
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = readme.components(separatedBy: "## http/").last ?? ""
        var checked = 0
        var wrong: [String] = []
        for line in section.split(separator: "\n") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells[0].hasPrefix("`") else { continue }
            let name = String(cells[0].dropFirst().dropLast())
            let bytes = try Array(Data(contentsOf: root.appendingPathComponent("http/\(name)")))
            let found = Self.outcome(of: bytes)
            let expected = cells[1].components(separatedBy: " → ")[0]
            if found != expected { wrong.append("\(name): \(found), README says \(expected)") }
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 25)
        XCTAssertTrue(wrong.isEmpty, wrong.joined(separator: "\n"))
    }

    /// `read` (one request) or `read N` (pipelined), or `refused NNN label`, or `incomplete`.
    private static func outcome(of bytes: [UInt8]) -> String {
        var parser = HTTPRequestParser(limits: HTTPLimits())
        parser.append(bytes)
        var requests = 0
        while true {
            switch parser.next() {
            case .request: requests += 1
            case .continueExpected: continue
            case .needMore: return requests == 0 ? "incomplete" : requests == 1 ? "read" : "read \(requests)"
            case .failure(let error): return "refused \(error.status) \(error.label)" + (requests > 0 ? " after \(requests)" : "")
            }
        }
    }
}
