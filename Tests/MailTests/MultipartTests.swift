import XCTest
import Mail

final class MultipartTests: XCTestCase {
    func testMissingFinalBoundaryEndsAtEOF() throws {
        let mail = try XCTUnwrap(parseMail("""
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            one
            --b
            Content-Type: text/plain

            two
            """))
        XCTAssertEqual(mail.textParts.compactMap(\.text), ["one", "two"])
        XCTAssertTrue(mail.defects.contains { $0.contains("close delimiter missing") }, "\(mail.defects)")
    }

    func testMultipartWithoutBoundaryIsText() throws {
        let mail = try XCTUnwrap(parseMail("Content-Type: multipart/alternative\n\nJust text\n"))
        XCTAssertEqual(mail.root.contentType, "text/plain")
        XCTAssertEqual(mail.bodyText, "Just text")
        XCTAssertTrue(mail.defects.contains { $0.contains("without a boundary") })
    }

    func testBoundaryNeverFoundGivesTheWholeBody() throws {
        let mail = try XCTUnwrap(parseMail("Content-Type: multipart/mixed; boundary=\"zzz\"\n\n--other\nContent-Type: text/plain\n\nHallo\n"))
        XCTAssertEqual(mail.textParts.count, 1)
        XCTAssertEqual(mail.textParts.first?.text, "--other\nContent-Type: text/plain\n\nHallo\n")
        XCTAssertTrue(mail.defects.contains { $0.contains("never found") })
    }

    func testSimilarBoundariesAndPreambleEpilogue() throws {
        let mail = try XCTUnwrap(parseMail("""
            Content-Type: multipart/mixed; boundary="b"

            preamble
            --b
            Content-Type: text/plain

            --b-not-a-delimiter
            --b  
            Content-Type: text/plain

            second
            --b--
            epilogue
            """, crlf: true))
        XCTAssertEqual(mail.textParts.compactMap(\.text), ["--b-not-a-delimiter", "second"])
        XCTAssertEqual(mail.bodyText, "--b-not-a-delimiter\n\nsecond")
    }

    func testAlternativePrefersPlainTextElseConvertsHTML() throws {
        let both = try XCTUnwrap(parseMail("""
            Content-Type: multipart/alternative; boundary="a"

            --a
            Content-Type: text/plain; charset=utf-8

            Platte tekst
            --a
            Content-Type: text/html; charset=utf-8

            <p>HTML tekst</p>
            --a--
            """))
        XCTAssertEqual(both.bodyText, "Platte tekst")
        let blankPlain = try XCTUnwrap(parseMail("""
            Content-Type: multipart/alternative; boundary="a"

            --a
            Content-Type: text/plain

             
            --a
            Content-Type: multipart/related; boundary="r"

            --r
            Content-Type: text/html; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            <div>Caf=E9 &amp; terras</div>
            --r
            Content-Type: image/png
            Content-ID: <logo>
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --r--
            --a--
            """))
        XCTAssertEqual(blankPlain.bodyText, "Café & terras")
        XCTAssertEqual(blankPlain.attachments.map(\.contentID), ["logo"])
        XCTAssertEqual(blankPlain.attachments.first?.data, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    func testAttachmentFilenames() throws {
        let mail = try XCTUnwrap(parseMail("""
            Content-Type: multipart/mixed; boundary="m"

            --m
            Content-Type: text/plain

            Zie bijlagen.
            --m
            Content-Type: application/pdf
            Content-Disposition: attachment; filename*=utf-8''Besluit%20%C3%A9%C3%A9n.pdf
            Content-Transfer-Encoding: base64

            JVBERg==
            --m
            Content-Type: image/jpeg; name="=?utf-8?B?Zm90b8Kg4oCTIHN0cmFhdC5qcGc=?="
            Content-Transfer-Encoding: base64

            /9j/
            --m
            Content-Type: application/octet-stream; name=plain.bin

            raw
            --m
            Content-Type: text/plain; name="notes.txt"
            Content-Disposition: attachment

            attached text
            --m
            Content-Type: application/zip

            zip
            --m--
            """))
        XCTAssertEqual(mail.attachments.map(\.filename),
                       ["Besluit één.pdf", "foto\u{A0}– straat.jpg", "plain.bin", "notes.txt", "part-5.zip"])
        XCTAssertEqual(mail.attachments.map(\.contentType),
                       ["application/pdf", "image/jpeg", "application/octet-stream", "text/plain", "application/zip"])
        XCTAssertEqual(mail.attachments[0].data, Array("%PDF".utf8))
        XCTAssertEqual(mail.attachments[3].data, Array("attached text".utf8))
        XCTAssertEqual(mail.textParts.count, 1)
        XCTAssertEqual(mail.bodyText, "Zie bijlagen.")
    }

    func testForwardedMessage() throws {
        let mail = try XCTUnwrap(parseMail("""
            Subject: Fwd: melding
            Content-Type: multipart/mixed; boundary="f"

            --f
            Content-Type: text/plain

            --f
            Content-Type: message/rfc822

            Subject: =?utf-8?q?Losse_stoeptegel?=
            From: Piet <piet@x.nl>
            Content-Type: text/plain; charset=utf-8

            Er ligt een losse stoeptegel.
            --f--
            """))
        XCTAssertEqual(mail.forwarded.count, 1)
        XCTAssertEqual(mail.forwarded.first?.subject, "Losse stoeptegel")
        XCTAssertEqual(mail.forwarded.first?.from?.address, "piet@x.nl")
        XCTAssertEqual(mail.bodyText, "Er ligt een losse stoeptegel.")
        XCTAssertEqual(mail.textParts.count, 2)
        XCTAssertTrue(mail.attachments.isEmpty)
    }

    func testInlineUUEncodedBlockInPlainText() throws {
        let mail = try XCTUnwrap(parseMail("Subject: uu\n\nZie bestand:\nbegin 644 hallo.txt\n%:&%L;&\\`\n`\nend\nGroet"))
        XCTAssertEqual(mail.attachments.map(\.filename), ["hallo.txt"])
        XCTAssertEqual(mail.attachments.first?.data, Array("hallo".utf8))
        XCTAssertEqual(mail.bodyText, "Zie bestand:\nGroet")
    }

    func testDigestPartsDefaultToMessages() throws {
        let mail = try XCTUnwrap(parseMail("""
            Content-Type: multipart/digest; boundary="d"

            --d

            Subject: een

            eerste
            --d

            Subject: twee

            tweede
            --d--
            """))
        XCTAssertEqual(mail.root.children.map(\.contentType), ["message/rfc822", "message/rfc822"])
        XCTAssertEqual(mail.forwarded.map(\.subject), ["een", "twee"])
        XCTAssertEqual(mail.bodyText, "eerste")
    }

    func testSignedMailKeepsSignatureOutOfAttachments() throws {
        let mail = try XCTUnwrap(parseMail("""
            Content-Type: multipart/signed; protocol="application/pgp-signature"; boundary="s"

            --s
            Content-Type: text/plain

            Ondertekend
            --s
            Content-Type: application/pgp-signature; name="signature.asc"
            Content-Disposition: attachment; filename="signature.asc"

            -----BEGIN PGP SIGNATURE-----
            --s--
            """))
        XCTAssertEqual(mail.bodyText, "Ondertekend")
        XCTAssertTrue(mail.attachments.isEmpty)
    }

    func testTextDecodingWithCharsetAndTransferEncoding() throws {
        let mail = try XCTUnwrap(parseMail("""
            Content-Type: text/plain; charset="windows-1252"
            Content-Transfer-Encoding: base64

            gCA1LC0gdm9vciBkZSBwYXNwb29ydA==
            """, crlf: true))
        XCTAssertEqual(mail.bodyText, "€ 5,- voor de paspoort")
    }

    func testHTMLMetaCharsetWhenThePartHasNone() throws {
        let html = "Content-Type: text/html\n\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\"><p>\u{A4}</p>"
        var bytes = Array(html.utf8)
        bytes.removeLast(6)
        bytes += [0xA4] + Array("</p>".utf8)
        let mail = try MailParser.parse(bytes)
        XCTAssertEqual(mail.bodyText, "€")
    }
}
