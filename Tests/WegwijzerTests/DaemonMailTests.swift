import Foundation
import Glibc
import XCTest

/// The e-mail channel end to end: Python's `mailbox` delivers into the watched Maildir.
final class DaemonMailTests: XCTestCase {
    private static let config = DaemonHarness.config + """

        [source mail]
        type = maildir
        path = in/mail
        """

    func testThreeHundredMessagesOfMixedEncodingsAreEachRoutedOnceAndFiledInCur() throws {
        let daemon = try DaemonHarness(config: Self.config)
        try daemon.start()
        let maildir = daemon.stateDirectory.appendingPathComponent("in/mail")
        let expected = try deliver(300, into: maildir)
        XCTAssertEqual(expected.count, 300)
        let queues = Set(expected.map(\.team))
        let arrived = daemon.wait(timeout: 60) { queues.reduce(0) { $0 + daemon.queued($1).count } >= 300 }
        XCTAssertTrue(arrived, daemon.log.suffix(2000).description)
        var seen: [String: String] = [:]
        for queue in queues {
            for file in daemon.queued(queue) {
                let message = try daemon.message(queue, file)
                let text = message["text"] as? String ?? ""
                guard let marker = text.range(of: #"bericht-\d{4}"#, options: .regularExpression).map({ String(text[$0]) }) else {
                    XCTFail("no marker in \(text)")
                    continue
                }
                XCTAssertNil(seen[marker], "\(marker) delivered twice")
                seen[marker] = queue
                XCTAssertEqual(message["channel"] as? String, "email")
                XCTAssertEqual((message["sender"] as? [String: Any])?["name"] as? String, "José Müller")
                XCTAssertTrue((message["subject"] as? String ?? "").contains(marker))
            }
        }
        for item in expected { XCTAssertEqual(seen[item.marker], item.team, item.marker) }
        XCTAssertTrue(daemon.wait(timeout: 10) { (try? FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path))?.isEmpty ?? false })
        let current = try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("cur").path)
        XCTAssertEqual(current.count, 300)
        XCTAssertTrue(current.allSatisfy { $0.hasSuffix(":2,S") }, "\(current.prefix(3))")
    }

    func testAReplyGoesToTheTeamOfTheMessageItAnswers() throws {
        let daemon = try DaemonHarness(config: Self.config)
        try daemon.start()
        let maildir = daemon.stateDirectory.appendingPathComponent("in/mail")
        try writeMail(into: maildir, name: "1.first", """
            From: Anna <anna@example.nl>
            Subject: Paspoort
            Message-ID: <first@example.nl>

            Mijn paspoort is verlopen, wat moet ik doen?
            """)
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("burgerzaken").count == 1 }, daemon.log)
        let firstID = String(daemon.queued("burgerzaken")[0].dropLast(5))
        try writeMail(into: maildir, name: "2.reply", """
            From: Anna <anna@example.nl>
            Subject: Re: Paspoort
            Message-ID: <reply@example.nl>
            In-Reply-To: <first@example.nl>
            References: <first@example.nl>

            Dank u. Trouwens, de lantaarnpaal in onze straat is ook kapot.

            Op 3 maart 2026 schreef KCC <kcc@gemeente.example>:
            > Neem uw oude paspoort mee naar de balie.
            """)
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("burgerzaken").count == 2 }, daemon.log)
        let reply = try daemon.queued("burgerzaken").map { try daemon.message("burgerzaken", $0) }
            .first { ($0["subject"] as? String) == "Re: Paspoort" }
        let routing = reply?["routing"] as? [String: Any]
        XCTAssertEqual(routing?["reason"] as? String, "reply to \(firstID)")
        let channelData = reply?["channelData"] as? [String: Any]
        XCTAssertEqual(channelData?["inReplyTo"] as? String, "first@example.nl")
        XCTAssertTrue((channelData?["quotedHistory"] as? String ?? "").contains("oude paspoort"))
        XCTAssertFalse((reply?["text"] as? String ?? "").contains("oude paspoort"), "quoted history is split off")
        XCTAssertEqual(daemon.queued("stadsbeheer"), [])
    }

    func testAutoRepliesAndBouncesAreSetAsideAsNoise() throws {
        let daemon = try DaemonHarness(config: Self.config)
        try daemon.start()
        let maildir = daemon.stateDirectory.appendingPathComponent("in/mail")
        try writeMail(into: maildir, name: "1.away", """
            From: Piet <piet@example.nl>
            Subject: Afwezig: lantaarnpaal
            Auto-Submitted: auto-replied

            Ik ben tot maandag afwezig. De lantaarnpaal wacht wel.
            """)
        let noise = daemon.stateDirectory.appendingPathComponent("noise")
        XCTAssertTrue(daemon.wait(timeout: 10) { FileManager.default.fileExists(atPath: noise.appendingPathComponent("1.away.reason").path) }, daemon.log)
        XCTAssertEqual(daemon.queued("stadsbeheer"), [])
        daemon.signal(SIGTERM)
        XCTAssertEqual(daemon.waitForExit(timeout: 10), 0)
        let status = try BinaryRunner.run(["status", "--json", "--config", daemon.configPath, "--state", daemon.stateDirectory.path])
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(json?["noise"] as? Int, 1)
    }

    private func deliver(_ count: Int, into maildir: URL) throws -> [(team: String, marker: String)] {
        let script = BinaryRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/peers/maildir_deliver.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, maildir.path, String(count)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            let fields = line.split(separator: "\t")
            return (String(fields[0]), String(fields[1]))
        }
    }

    /// Writes a message the Maildir way: into `tmp/`, then renamed into `new/`.
    private func writeMail(into maildir: URL, name: String, _ text: String) throws {
        for folder in ["tmp", "new", "cur"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let temporary = maildir.appendingPathComponent("tmp/\(name)")
        try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: temporary)
        XCTAssertEqual(rename(temporary.path, maildir.appendingPathComponent("new/\(name)").path), 0)
    }
}
