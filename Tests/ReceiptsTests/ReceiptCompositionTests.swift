import Foundation
import Mail
import Messages
import Receipts
import Routing
import XCTest

final class ReceiptCompositionTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_796_292_000)  // 2026-12-03

    private func compose(_ message: Message, team: TeamConfig? = nil, template: ReceiptTemplate = .builtIn) -> Receipt {
        var team = team ?? TeamConfig(name: "Stadsbeheer", location: SourceLocation(path: "t", line: 1, column: 1))
        if team.publicName == nil { team.publicName = "Beheer openbare ruimte" }
        return ReceiptComposer.compose(message: message, team: team, recipient: "inwoner@example.nl",
                                       settings: testSettings(), template: template, now: now)
    }

    func testReferenceIsStableAndFoundInSubjects() {
        XCTAssertEqual(ReceiptReference.make(id: "k7qm2xbdabcdefghijklmnopqr"), "K7QM-2XBD")
        XCTAssertEqual(ReceiptReference.found(in: "Re: Ontvangen: lamp [ref K7QM-2XBD]"), ["K7QM-2XBD"])
        XCTAssertEqual(ReceiptReference.found(in: "vraag over [REF k7qm-2xbd] en [ref AAAA-BBBB]"), ["K7QM-2XBD", "AAAA-BBBB"])
        XCTAssertEqual(ReceiptReference.found(in: "[ref K7QM2XBD] [ref K7QM-2XB] [ref K1QM-2XBD]"), [])
        XCTAssertEqual(ReceiptReference.conversationKey("k7qm-2xbd"), "ref:K7QM-2XBD")
    }

    func testHeadersParseBack() throws {
        var message = testMessage(.email, email: "inwoner@example.nl", subject: "Stoep verzakt bij de brug")
        message.channelData["messageId"] = .string("orig-1@example.nl")
        let receipt = compose(message)
        XCTAssertEqual(receipt.messageID, "k7qm2xbdabcdefghijklmnopqr.receipt@katwijk.nl")
        XCTAssertTrue(receipt.mail.utf8.allSatisfy { $0 < 0x80 }, "a receipt is 7-bit")
        let parsed = try MailParser.parse(Array(receipt.mail.utf8))
        XCTAssertEqual(parsed.subject, "Ontvangen: Stoep verzakt bij de brug [ref K7QM-2XBD]")
        XCTAssertEqual(parsed.messageID, "k7qm2xbdabcdefghijklmnopqr.receipt@katwijk.nl")
        XCTAssertEqual(parsed.inReplyTo, ["orig-1@example.nl"])
        XCTAssertEqual(parsed.references, ["orig-1@example.nl"])
        XCTAssertEqual(parsed.headers["Auto-Submitted"], "auto-replied")
        XCTAssertEqual(parsed.headers["Date"], "Thu, 03 Dec 2026 10:00:00 +0000")
        XCTAssertEqual(parsed.headers["Content-Transfer-Encoding"], "quoted-printable")
        XCTAssertEqual(parsed.from?.address, "noreply@katwijk.nl")
        XCTAssertEqual(parsed.replyTo.first?.address, "kcc@katwijk.nl")
        XCTAssertTrue(parsed.mainText.contains("Beheer openbare ruimte"), parsed.mainText)
        XCTAssertTrue(parsed.mainText.contains("K7QM-2XBD"))
        XCTAssertTrue(parsed.mainText.contains("29 november 2026 om 11:15"), parsed.mainText)
    }

    func testNonASCIISubjectIsEncodedAndLongLinesAreFolded() throws {
        let subject = "Geluidsoverlast café ’s nachts — " + String(repeating: "héél lang onderwerp ", count: 8)
        let receipt = compose(testMessage(email: "inwoner@example.nl", subject: subject))
        for line in receipt.mail.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(line.utf8.count, 78, line)
        }
        let parsed = try MailParser.parse(Array(receipt.mail.utf8))
        XCTAssertEqual(parsed.subject, "Ontvangen: " + subject.trimmingCharacters(in: .whitespaces) + " [ref K7QM-2XBD]")
        XCTAssertTrue(parsed.mainText.contains("héél lang onderwerp"))
    }

    func testNoThreadingHeadersForForms() {
        let receipt = compose(testMessage(email: "inwoner@example.nl"))
        XCTAssertFalse(receipt.mail.contains("In-Reply-To:"))
        XCTAssertFalse(receipt.mail.contains("References:"))
    }

    func testHeaderInjectionIsFlattened() {
        let receipt = compose(testMessage(email: "inwoner@example.nl", subject: "a\r\nBcc: x@evil.example"))
        XCTAssertFalse(receipt.mail.contains("\r\nBcc:"))
        XCTAssertTrue(receipt.mail.contains("Subject: Ontvangen: a Bcc: x@evil.example [ref K7QM-2XBD]"), receipt.mail)
    }

    func testQuotedPrintable() {
        XCTAssertEqual(MailEncoding.quotedPrintable("a=b é \nx "), "a=3Db =C3=A9=20\r\nx=20")
        let long = MailEncoding.quotedPrintable(String(repeating: "x", count: 200))
        XCTAssertTrue(long.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        XCTAssertEqual(long.replacingOccurrences(of: "=\r\n", with: ""), String(repeating: "x", count: 200))
    }

    func testTemplateFillsInAndDropsTheResponseDaysLineWithoutThem() {
        let template = ReceiptTemplate(text: "Ref {reference} voor {team}.\nBinnen {response-days} dagen.\nOnderwerp: {subject}")
        let date = Date(timeIntervalSince1970: 0)
        let without = template.render(.init(reference: "AAAA-BBBB", team: "Wmo", responseDays: nil, received: date, subject: ""))
        XCTAssertEqual(without, "Ref AAAA-BBBB voor Wmo.\nOnderwerp: (geen onderwerp)")
        let with = template.render(.init(reference: "AAAA-BBBB", team: "Wmo", responseDays: 5, received: date, subject: "x"))
        XCTAssertEqual(with, "Ref AAAA-BBBB voor Wmo.\nBinnen 5 dagen.\nOnderwerp: x")
    }
}
