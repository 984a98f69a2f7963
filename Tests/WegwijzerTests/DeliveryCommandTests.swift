import Foundation
import XCTest

/// `retry`, and how `run` and `status` deal with endpoint delivery, from the command line.
final class DeliveryCommandTests: XCTestCase {
    private func scratch() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root
    }

    func testRetryHelpAndUsageErrors() throws {
        let help = try BinaryRunner.run(["retry", "--help"])
        assertStatus(help, 0)
        XCTAssertTrue(help.stdout.hasPrefix("usage: wegwijzer retry [--config PATH] [--state DIR] (ID...|--all)"), help.stdout)
        let root = try scratch()
        let config = root.appendingPathComponent("routing.conf").path
        try DeliveryFixture.config(teams: [:]).write(toFile: config, atomically: true, encoding: .utf8)
        for arguments in [["retry", "--config", config], ["retry", "--all", "abc", "--config", config]] {
            let result = try BinaryRunner.run(arguments, directory: root)
            assertStatus(result, 2)
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        }
        let unknown = try BinaryRunner.run(["retry", "--config", config, "--state", root.path, "nietbestaand"], directory: root)
        assertStatus(unknown, 2)
        XCTAssertTrue(unknown.stderr.contains("no dead letter nietbestaand"), unknown.stderr)
        let none = try BinaryRunner.run(["retry", "--config", config, "--state", root.path, "--all"], directory: root)
        assertStatus(none, 0)
        XCTAssertEqual(none.stdout, "0 dead letters put back for delivery\n")
    }

    func testRunRefusesToStartWithAnUnreadableEndpointSecret() throws {
        let root = try scratch()
        let config = root.appendingPathComponent("routing.conf").path
        let text = DeliveryFixture.config(teams: ["Milieu": "endpoint = http://127.0.0.1:9/\nendpoint-secret = geen.whsec"])
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["run", "--config", config, "--state", root.path + "/state"], directory: root)
        assertStatus(result, 2)
        XCTAssertTrue(result.stderr.contains(root.path + "/state/geen.whsec: cannot read"), result.stderr)
        XCTAssertTrue(result.stderr.contains("team Milieu"), result.stderr)
    }
}
