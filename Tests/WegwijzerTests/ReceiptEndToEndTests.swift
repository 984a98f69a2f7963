import Foundation
import Glibc
import XCTest

/// Receipts to citizens end to end: the real binary, forms and e-mails fed to a running daemon,
/// a real SMTP server (aiosmtpd), the receipts parsed back with Python's `email`.
final class ReceiptEndToEndTests: XCTestCase {
    /// Three teams, a form drop and a Maildir, and `[acknowledge]` towards `smtp`.
    private static func config(smtp: String, acknowledge: String = "starttls = no", extra: String = "") -> String {
        DeliveryFixture.config(teams: ["Stadsbeheer": "public-name = Beheer openbare ruimte\nresponse-days = 5"]) + """

            [source mail]
            type = maildir
            path = in/mail
            \(extra)

            [acknowledge]
            smtp = \(smtp)
            from = Gemeente Katwijk <noreply@katwijk.nl>
            per-address = 2/24h
            \(acknowledge)
            """
    }

    private static func form(_ subject: String, _ text: String, email: String) -> String {
        let object: [String: String] = ["subject": subject, "text": text, "email": email]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    private func mail(_ daemon: DaemonHarness, _ name: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let maildir = daemon.stateDirectory.appendingPathComponent("in/mail")
        do {
            for folder in ["tmp", "new", "cur"] {
                try FileManager.default.createDirectory(at: maildir.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let temporary = maildir.appendingPathComponent("tmp/\(name)")
            try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: temporary)
            XCTAssertEqual(rename(temporary.path, maildir.appendingPathComponent("new/\(name)").path), 0, file: file, line: line)
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
    }

    /// The ID of the queued message from `address` in `queue`.
    private func id(from address: String, in queue: String, _ daemon: DaemonHarness) -> String? {
        daemon.queued(queue).first { file in
            ((try? daemon.message(queue, file))?["sender"] as? [String: Any])?["email"] as? String == address
        }.map { String($0.dropLast(5)) }
    }

    private static func reference(_ id: String) -> String {
        let head = id.prefix(8).uppercased()
        return head.prefix(4) + "-" + head.suffix(4)
    }

    func testReceiptsHeadersLimitSilenceRetriesDeadLettersAndThreading() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-smtp-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let sink = try SMTPSink(in: scratch)
        try sink.start()
        let port = RawHTTPConnection.freePort()
        let daemon = try DaemonHarness(config: Self.config(
            smtp: "smtp://127.0.0.1:\(sink.port)",
            extra: "\n[source metrics]\ntype = webhook\nlisten = 127.0.0.1:\(port)\n"))
        try daemon.start()
        try daemon.drop(Self.form("Lantaarnpaal kapot bij de Fröbelschool", "De lantaarnpaal brandt niet.", email: "jan@example.nl"),
                        as: "jan.json", into: "forms")
        try daemon.drop(Self.form("Lantaarnpaal", "De lantaarnpaal knippert.", email: "no-reply@example.nl"),
                        as: "noreply.json", into: "forms")
        for number in 0..<3 {
            try daemon.drop(Self.form("Asbest \(number)", "Asbest in de tuin, nummer \(number).", email: "limit@example.nl"),
                            as: "limit\(number).json", into: "forms")
        }
        try daemon.drop(Self.form("Asbest", "Asbest op straat.", email: "tempfail@example.nl"), as: "tempfail.json", into: "forms")
        try daemon.drop(Self.form("Asbest", "Asbest bij de school.", email: "reject@example.nl"), as: "reject.json", into: "forms")
        mail(daemon, "1.piet", """
            From: Piet <piet@example.nl>
            Subject: Asbest in de schuur
            Message-ID: <m1@example.nl>

            Er ligt asbest in de schuur van de buren.
            """)
        mail(daemon, "2.auto", """
            From: Klaas <klaas@example.nl>
            Subject: Afwezig: asbest
            Message-ID: <auto@example.nl>
            Auto-Submitted: auto-replied

            Ik ben afwezig. Over asbest later meer.
            """)
        XCTAssertTrue(daemon.wait(timeout: 40) { sink.count >= 5 && daemon.records(in: "dead").count == 1 }, daemon.log)
        let deadID = try XCTUnwrap(daemon.records(in: "dead").first)
        XCTAssertTrue(deadID.hasSuffix("-receipt"), deadID)
        XCTAssertTrue((daemon.record(deadID, in: "dead")?["reason"] as? String ?? "").contains("550"))

        sink.fix()
        assertStatus(try daemon.command(["retry", "--all"]), 0)
        XCTAssertTrue(daemon.wait(timeout: 20) { sink.count == 6 && daemon.records(in: "outbox").isEmpty }, daemon.log)
        let mails = try sink.mails()
        XCTAssertEqual(mails.map(\.recipient).sorted(), ["jan@example.nl", "limit@example.nl", "limit@example.nl",
                                                        "piet@example.nl", "reject@example.nl", "tempfail@example.nl"])
        for mail in mails {
            XCTAssertEqual(mail.headers["Auto-Submitted"], "auto-replied")
            XCTAssertEqual(mail.headers["From"], "Gemeente Katwijk <noreply@katwijk.nl>")
            XCTAssertEqual(mail.headers["To"], mail.recipient)
            XCTAssertNotNil(mail.headers["Date"])
        }
        let janID = try XCTUnwrap(id(from: "jan@example.nl", in: "stadsbeheer", daemon))
        let jan = try XCTUnwrap(mails.first { $0.recipient == "jan@example.nl" })
        XCTAssertEqual(jan.headers["Subject"], "Ontvangen: Lantaarnpaal kapot bij de Fröbelschool [ref \(Self.reference(janID))]")
        XCTAssertEqual(jan.headers["Message-ID"], "<\(janID).receipt@katwijk.nl>")
        XCTAssertNil(jan.headers["In-Reply-To"], "a form answers no mail")
        XCTAssertTrue(jan.body.contains("Beheer openbare ruimte"), jan.body)
        XCTAssertTrue(jan.body.contains("binnen 5 werkdagen"), jan.body)
        XCTAssertTrue(jan.body.contains(Self.reference(janID)), jan.body)
        let pietID = try XCTUnwrap(id(from: "piet@example.nl", in: "milieu", daemon))
        let piet = try XCTUnwrap(mails.first { $0.recipient == "piet@example.nl" })
        XCTAssertEqual(piet.headers["In-Reply-To"], "<m1@example.nl>")
        XCTAssertEqual(piet.headers["References"], "<m1@example.nl>")
        XCTAssertEqual(piet.headers["Message-ID"], "<\(pietID).receipt@katwijk.nl>")
        XCTAssertTrue(daemon.log.contains("\"result\":\"SMTP 451\""), "the 451 was retried: \(daemon.log)")

        let connection = try RawHTTPConnection(port: UInt16(port))
        connection.send("GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n")
        let text = String(decoding: try XCTUnwrap(connection.response()).body, as: UTF8.self)
        for line in ["wegwijzer_receipts_total{result=\"sent\"} 6", "wegwijzer_receipts_total{result=\"retried\"} 1",
                     "wegwijzer_receipts_total{result=\"dead\"} 1", "wegwijzer_receipts_total{result=\"withheld\"} 1"] {
            XCTAssertTrue(text.contains(line), "missing \(line) in\n\(text)")
        }
        let status = try daemon.command(["status", "--json"])
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let receipts = try XCTUnwrap(report["receipts"] as? [String: Any])
        XCTAssertEqual(receipts["sent"] as? Int, 6)
        XCTAssertEqual(receipts["withheld"] as? Int, 1)
        XCTAssertEqual(receipts["pending"] as? Int, 0)
        XCTAssertEqual(receipts["dead"] as? Int, 0)
        XCTAssertTrue(try daemon.command(["status"]).stdout.contains("receipts:     6 sent, 1 withheld"))

        // An answer to the receipt, and a form citing its reference, reach the first message's team.
        mail(daemon, "3.reply", """
            From: Piet <piet@example.nl>
            Subject: Re: Ontvangen: Asbest in de schuur
            Message-ID: <m2@example.nl>
            In-Reply-To: <\(pietID).receipt@katwijk.nl>
            References: <m1@example.nl> <\(pietID).receipt@katwijk.nl>

            Hierbij nog een foto.
            """)
        try daemon.drop(Self.form("Aanvulling [ref \(Self.reference(janID).lowercased())]", "Nog een opmerking.",
                                  email: "jan.de.vries@example.nl"), as: "ref.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("milieu").count == 7 && daemon.queued("stadsbeheer").count == 3 },
                      "milieu \(daemon.queued("milieu")), stadsbeheer \(daemon.queued("stadsbeheer")), kcc \(daemon.queued("kcc"))")
        XCTAssertEqual(daemon.queued("kcc"), [])
    }

    func testStartTLSWithACertificateMadeHereAndAuth() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-smtp-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let certificates = try TestCertificates(in: root)
        let sink = try SMTPSink(in: root, tls: (certificates.serverCertificate, certificates.serverKey), auth: "wegwijzer:geheim 1")
        try sink.start()
        let daemon = try DaemonHarness(config: "")
        try "geheim 1\n".write(toFile: daemon.root.appendingPathComponent("smtp.password").path, atomically: true, encoding: .utf8)
        try Self.config(smtp: "smtp://127.0.0.1:\(sink.port)", acknowledge: """
            starttls = required
            ca = \(certificates.caCertificate)
            username = wegwijzer
            password-file = \(daemon.root.appendingPathComponent("smtp.password").path)
            """).write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        try daemon.start()
        try daemon.drop(Self.form("Lantaarnpaal", "De lantaarnpaal is stuk.", email: "anna@example.nl"), as: "a.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { sink.count == 1 }, daemon.log)
        XCTAssertEqual(sink.authentications.count, 1, "one AUTH over STARTTLS")
        XCTAssertEqual(try sink.mails().first?.recipient, "anna@example.nl")
    }

    func testNoReceiptIsLostUnderKillNineWhileTheServerIsDownThenUp() throws {
        let port = WebhookSink.freePort()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-smtp-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let sink = try SMTPSink(in: scratch, port: port)
        let daemon = try DaemonHarness(config: Self.config(smtp: "smtp://127.0.0.1:\(port)"))
        var eligible: [String] = []
        var number = 0
        for round in 0..<8 {
            try daemon.start()
            if round == 4 { try sink.start() }
            for _ in 0..<4 {
                let address = number % 5 == 4 ? "noreply+\(number)@example.nl" : "burger\(number)@example.nl"
                if number % 5 != 4 { eligible.append(address) }
                try daemon.drop(Self.form("Lantaarnpaal \(number)", "De lantaarnpaal \(number) is stuk.", email: address),
                                as: "f\(number).json", into: "forms")
                number += 1
                usleep(UInt32.random(in: 20_000...120_000))
            }
            daemon.signal(SIGKILL)
            _ = daemon.waitForExit(timeout: 5)
        }
        try daemon.start()
        XCTAssertTrue(daemon.wait(timeout: 60) {
            daemon.waiting(in: "forms").isEmpty && !daemon.records(in: "outbox").contains { $0.hasSuffix("-receipt") }
                && Set(((try? sink.mails()) ?? []).map(\.recipient)).count >= eligible.count
        }, daemon.log.suffix(3000).description)
        let mails = try sink.mails()
        let byRecipient = Dictionary(grouping: mails, by: \.recipient)
        XCTAssertEqual(Set(byRecipient.keys), Set(eligible), "every eligible sender, and no other, has a receipt")
        for (recipient, list) in byRecipient where list.count > 1 {
            XCTAssertEqual(Set(list.compactMap { $0.headers["Message-ID"] }).count, 1, "a duplicate to \(recipient) repeats its Message-ID")
        }
        XCTAssertEqual(daemon.records(in: "dead"), [])
    }
}
