import Delivery
import Foundation
import XCTest

/// ``SMTPSession`` against a real SMTP server (aiosmtpd, `Tests/Fixtures/smtp-sink.py`).
final class SMTPSessionTests: XCTestCase {
    /// The sink, started in `directory`; stopped by the returned process's `terminate()`.
    private func startSink(in directory: String, file: StaticString = #filePath, line: UInt = #line) throws -> (Process, Int) {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/smtp-sink.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, directory + "/port", directory]
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: directory + "/port", encoding: .utf8), let port = Int(text) {
                return (process, port)
            }
            usleep(50_000)
        }
        process.terminate()
        XCTFail("the SMTP sink did not start (is aiosmtpd installed?)", file: file, line: line)
        throw CocoaError(.fileNoSuchFile)
    }

    private let mail = Array("From: noreply@katwijk.nl\r\nTo: a@example.nl\r\nSubject: test\r\nMessage-ID: <x.receipt@katwijk.nl>\r\n\r\nHallo.\r\n".utf8)

    func testAcceptedTemporaryPermanentAndDown() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (sink, port) = try startSink(in: directory.path)
        defer { sink.terminate() }
        let session = try SMTPSession()
        let settings = SMTPSettings(url: "smtp://127.0.0.1:\(port)", startTLS: .no, timeout: 10)

        XCTAssertEqual(session.send(from: "noreply@katwijk.nl", to: "a@example.nl", mail: mail, settings: settings), .accepted)
        let stored = try String(contentsOfFile: directory.path + "/1.eml", encoding: .utf8)
        XCTAssertTrue(stored.contains("Message-ID: <x.receipt@katwijk.nl>"), stored)
        XCTAssertEqual(try String(contentsOfFile: directory.path + "/1.env", encoding: .utf8),
                       "noreply@katwijk.nl\na@example.nl\n")

        guard case .temporary(let code, _) = session.send(from: "noreply@katwijk.nl", to: "tempfail@example.nl",
                                                         mail: mail, settings: settings) else {
            return XCTFail("a 451 is temporary")
        }
        XCTAssertEqual(code, 451)
        XCTAssertEqual(session.send(from: "noreply@katwijk.nl", to: "tempfail@example.nl", mail: mail, settings: settings),
                       .accepted, "accepted the second time")

        guard case .permanent(let rejected, _) = session.send(from: "noreply@katwijk.nl", to: "reject@example.nl",
                                                             mail: mail, settings: settings) else {
            return XCTFail("a 550 is permanent")
        }
        XCTAssertEqual(rejected, 550)

        let required = SMTPSettings(url: "smtp://127.0.0.1:\(port)", startTLS: .required, timeout: 10)
        guard case .failure = session.send(from: "noreply@katwijk.nl", to: "a@example.nl", mail: mail, settings: required) else {
            return XCTFail("starttls = required refuses a server without STARTTLS")
        }

        sink.terminate()
        sink.waitUntilExit()
        guard case .failure = session.send(from: "noreply@katwijk.nl", to: "a@example.nl", mail: mail, settings: settings) else {
            return XCTFail("a server that is down is a failure, retried later")
        }
    }
}
