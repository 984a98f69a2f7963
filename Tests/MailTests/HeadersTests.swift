import XCTest
import Mail

final class HeadersTests: XCTestCase {
    func testUnfoldingDuplicatesAndCaseInsensitiveNames() throws {
        let mail = try XCTUnwrap(parseMail("""
            Received: from a
            \tby b
            received: from c
            SUBJECT: Kapotte
             lantaarnpaal
            Subject: tweede
            X-Empty:

            body
            """, crlf: true))
        XCTAssertEqual(mail.headers.all(named: "Received"), ["from a\tby b", "from c"])
        XCTAssertEqual(mail.headers["subject"], "Kapotte lantaarnpaal")
        XCTAssertEqual(mail.subject, "Kapotte lantaarnpaal")
        XCTAssertEqual(mail.headers.all(named: "Subject").count, 2)
        XCTAssertEqual(mail.headers["x-empty"], "")
        XCTAssertNil(mail.headers["X-Missing"])
        XCTAssertEqual(mail.bodyText, "body")
    }

    func testRawAndDecodedValues() throws {
        let mail = try XCTUnwrap(parseMail("Subject: =?utf-8?q?Gr=C3=B6n?= afval\n\nx"))
        XCTAssertEqual(mail.headers.raw(named: "subject"), "=?utf-8?q?Gr=C3=B6n?= afval")
        XCTAssertEqual(mail.headers.fields.first?.decodedValue, "Grön afval")
    }

    func testObsoleteSyntaxAndEnvelopeLine() throws {
        let mail = try XCTUnwrap(parseMail("From MAILER-DAEMON Fri Apr 06 2001\nSubject : oud\n\tgevouwen\nFrom: a@b.nl\n\nbody"))
        XCTAssertEqual(mail.subject, "oud\tgevouwen")
        XCTAssertEqual(mail.from?.address, "a@b.nl")
    }

    func testMissingBlankLineStartsBodyAtFirstNonHeaderLine() throws {
        let mail = try XCTUnwrap(parseMail("Subject: x\nDit is de tekst\nnog meer"))
        XCTAssertEqual(mail.bodyText, "Dit is de tekst\nnog meer")
        XCTAssertTrue(mail.defects.contains { $0.contains("missing blank line") })
    }

    func testRaw8BitHeaders() throws {
        let utf8 = try XCTUnwrap(parseMail("Subject: Gevaarlijke situatie – fietspad café\n\nx"))
        XCTAssertEqual(utf8.subject, "Gevaarlijke situatie – fietspad café")
        var latin1 = Array("Subject: caf".utf8) + [0xE9] + Array("\nContent-Type: text/plain; charset=iso-8859-15\n\n".utf8)
        latin1 += [0xA4]
        let mail = try MailParser.parse(latin1)
        XCTAssertEqual(mail.subject, "café")
        XCTAssertEqual(mail.bodyText, "€")
    }

    func testMessageIdentifiers() throws {
        let mail = try XCTUnwrap(parseMail("""
            Message-ID: <abc@x.nl>
            In-Reply-To: <prev@x.nl> (comment)
            References: <one@x.nl>
             <two@x.nl> broken
            Date: Thu, 12 Mar 2026 10:15:00 +0100

            x
            """))
        XCTAssertEqual(mail.messageID, "abc@x.nl")
        XCTAssertEqual(mail.inReplyTo, ["prev@x.nl"])
        XCTAssertEqual(mail.references, ["one@x.nl", "two@x.nl"])
        XCTAssertEqual(mail.date, "Thu, 12 Mar 2026 10:15:00 +0100")
        XCTAssertEqual(MessageIDs.parse("bare@id"), ["bare@id"])
    }

    func testAddressLists() {
        let list = AddressParser.parseList("""
            "Jansen, Jan" <jan@x.nl>, piet@y.nl (Piet Puk), =?utf-8?q?Ren=C3=A9e?= <renee@z.nl>,
            Team: a@t.nl, b@t.nl;, undisclosed-recipients:;, <@relay.nl:route@x.nl>, Vries, Anna de <anna@x.nl>
            """)
        XCTAssertEqual(list, [
            MailAddress(name: "Jansen, Jan", address: "jan@x.nl"),
            MailAddress(name: "Piet Puk", address: "piet@y.nl"),
            MailAddress(name: "Renée", address: "renee@z.nl"),
            MailAddress(name: nil, address: "a@t.nl"),
            MailAddress(name: nil, address: "b@t.nl"),
            MailAddress(name: nil, address: "route@x.nl"),
            MailAddress(name: "Vries, Anna de", address: "anna@x.nl"),
        ])
        XCTAssertEqual(AddressParser.parse("MAILER DAEMON <>"), MailAddress(name: "MAILER DAEMON", address: ""))
        XCTAssertEqual(AddressParser.parse("Jan Jansen jan@x.nl"), MailAddress(name: "Jan Jansen", address: "jan@x.nl"))
        XCTAssertEqual(AddressParser.parse("'Jan' <jan@x.nl>")?.name, "Jan")
        XCTAssertNil(AddressParser.parse(""))
        XCTAssertEqual(MailAddress(name: "Jan", address: "jan@x.nl").description, "Jan <jan@x.nl>")
    }

    func testReplyToAndRecipients() throws {
        let mail = try XCTUnwrap(parseMail("From: Jan <jan@x.nl>\nReply-To: a@x.nl, b@x.nl\nTo: kcc@gemeente.nl\nCc: c@x.nl\n\nx"))
        XCTAssertEqual(mail.replyTo.map(\.address), ["a@x.nl", "b@x.nl"])
        XCTAssertEqual(mail.to.map(\.address), ["kcc@gemeente.nl"])
        XCTAssertEqual(mail.cc.map(\.address), ["c@x.nl"])
        XCTAssertEqual(mail.from?.name, "Jan")
    }
}
