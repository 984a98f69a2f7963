import Foundation
import Glibc
import XCTest

@testable import Daemon

/// Every log line must go out whole, in one write of at most PIPE_BUF bytes.
final class EventLogTests: XCTestCase {
    /// What `body` writes to standard error, through a pipe.
    private func capturingStandardError(_ body: () -> Void, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0, file: file, line: line)
        let saved = dup(STDERR_FILENO)
        dup2(ends[1], STDERR_FILENO)
        body()
        dup2(saved, STDERR_FILENO)
        close(saved)
        close(ends[1])
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(ends[0], &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        close(ends[0])
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func testABatchIsWrittenAsWholeLines() throws {
        let log = EventLog(errorFile: nil, environment: [:])
        let records = (0..<200).map { ["id": "m\($0)", "team": "Milieu"] }
        let lines = capturingStandardError { log.log(.info, "routed", records: records) }
        XCTAssertEqual(lines.count, 200)
        for (index, line) in lines.enumerated() {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            XCTAssertEqual(object["id"], "m\(index)")
        }
    }

    func testLongValuesAreCutToFitOneWriteAndKeptWholeInTheErrorsFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = EventLog(errorFile: directory + "/errors.log", environment: [:])
        let long = String(repeating: "é", count: 5000)
        let lines = capturingStandardError { log.log(.error, "commit-failed", ["reason": long, "id": "x"]) }
        XCTAssertEqual(lines.count, 1)
        XCTAssertLessThanOrEqual(lines[0].utf8.count + 1, Int(PIPE_BUF))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: String])
        XCTAssertEqual(object["reason"], String(repeating: "é", count: EventLog.longValue / 2) + "…")
        XCTAssertEqual(object["id"], "x")
        XCTAssertTrue(EventLog.lastErrors(in: directory + "/errors.log", count: 1).first?.contains(long) ?? false)
    }
}
