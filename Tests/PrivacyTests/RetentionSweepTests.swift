import Foundation
import Privacy
import Routing
import XCTest

/// The sweep removes claimed messages and their attachments once aged, never what is in `new/`.
final class RetentionSweepTests: XCTestCase {
    func testClaimedGoWithTheirAttachmentsUnclaimedStayAndAreCounted() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let queue = state.appendingPathComponent("queues/kcc")
        let old = Date().addingTimeInterval(-7200)
        func file(_ relative: String, modified: Date) throws {
            let url = queue.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: url)
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path)
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.deletingLastPathComponent().path)
        }
        try file("new/waiting.json", modified: old)
        try file("attachments/waiting/a.pdf", modified: old)
        try file("cur/done.json", modified: old)
        try file("attachments/done/a.pdf", modified: old)
        try file("cur-2/fresh.json", modified: Date())
        try file("attachments/fresh/a.pdf", modified: old)
        try file("attachments/orphan/a.pdf", modified: old)
        var router = RouterSettings(state: state.path, queues: "queues", fallback: "KCC")
        router.retention = RetentionSettings(default: 3600)
        let config = RoutingConfig(path: "/dev/null", router: router, teams: [TeamConfig(name: "KCC", location: SourceLocation(path: "routing.conf", line: 1, column: 1))], configHash: "")

        let result = RetentionSweep(config: config).run()
        XCTAssertEqual(result.removed, [RetentionSettings.Kind.claimed: 1])
        XCTAssertEqual(result.attachments, 2, "done's and the orphan's")
        XCTAssertEqual(result.unclaimedOverRetention, 1)
        XCTAssertTrue(result.failures.isEmpty, "\(result.failures)")
        let left = Set(FileManager.default.subpaths(atPath: queue.path)?.filter { $0.hasSuffix(".json") || $0.hasSuffix(".pdf") } ?? [])
        XCTAssertEqual(left, ["new/waiting.json", "attachments/waiting/a.pdf", "cur-2/fresh.json", "attachments/fresh/a.pdf"])
    }
}
