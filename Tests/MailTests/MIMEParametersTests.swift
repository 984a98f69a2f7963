import XCTest
import Mail

final class MIMEParametersTests: XCTestCase {
    /// RFC 2231 section 3: parameter value continuations.
    func testRFC2231Section3Continuations() {
        let parsed = MIMEParameters.parse("""
            message/external-body; access-type=URL;\r\n URL*0="ftp://";\r\n URL*1="cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar"
            """)
        XCTAssertEqual(parsed.value, "message/external-body")
        XCTAssertEqual(parsed.parameters["access-type"], "URL")
        XCTAssertEqual(parsed.parameters["url"], "ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar")
    }

    /// RFC 2231 section 4: charset and language.
    func testRFC2231Section4CharsetAndLanguage() {
        let parsed = MIMEParameters.parse("application/x-stuff;\r\n title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A")
        XCTAssertEqual(parsed.parameters["title"], "This is ***fun***")
    }

    /// RFC 2231 section 4.1: mixed encoded and plain continuations (the RFC's example has no
    /// semicolons between the parameters; that is tolerated).
    func testRFC2231Section41MixedContinuations() {
        let parsed = MIMEParameters.parse("""
            application/x-stuff
               title*0*=us-ascii'en'This%20is%20even%20more%20
               title*1*=%2A%2A%2Afun%2A%2A%2A%20
               title*2="isn't it!"
            """)
        XCTAssertEqual(parsed.value, "application/x-stuff")
        XCTAssertEqual(parsed.parameters["title"], "This is even more ***fun*** isn't it!")
        let withSemicolons = MIMEParameters.parse(
            "application/x-stuff; title*0*=us-ascii'en'This%20is%20even%20more%20; title*1*=%2A%2A%2Afun%2A%2A%2A%20; title*2=\"isn't it!\"")
        XCTAssertEqual(withSemicolons.parameters["title"], "This is even more ***fun*** isn't it!")
    }

    func testUTF8FilenameWithLanguageAndOutOfOrderSections() {
        let parsed = MIMEParameters.parse("attachment; filename*1*=%20melding.pdf; filename*0*=utf-8'nl'Scha%C3%A9de")
        XCTAssertEqual(parsed.value, "attachment")
        XCTAssertEqual(parsed.parameters["filename"], "Schaéde melding.pdf")
    }

    func testExtendedValueWinsOverPlainOne() {
        let parsed = MIMEParameters.parse("attachment; filename=\"fallback.pdf\"; filename*=UTF-8''na%C3%AFef.pdf")
        XCTAssertEqual(parsed.parameters["filename"], "naïef.pdf")
    }

    func testQuotedStringsCommentsAndCase() {
        let parsed = MIMEParameters.parse("Text/PLAIN; CharSet=\"ISO-8859-1\" (Latin); Name=\"a \\\"b\\\" c.txt\"")
        XCTAssertEqual(parsed.value, "text/plain")
        XCTAssertEqual(parsed.parameters["charset"], "ISO-8859-1")
        XCTAssertEqual(parsed.parameters["name"], "a \"b\" c.txt")
        XCTAssertEqual(MIMEParameters.parse("text/plain; charset=us-ascii (Plain text)").parameters["charset"], "us-ascii")
        XCTAssertEqual(MIMEParameters.parse("text / html ; charset = utf-8").value, "text/html")
        XCTAssertEqual(MIMEParameters.parse("text / html ; charset = utf-8").parameters["charset"], "utf-8")
    }

    func testMissingSemicolonsAndUnquotedSpaces() {
        let parsed = MIMEParameters.parse("text/plain charset=utf-8 format=flowed")
        XCTAssertEqual(parsed.value, "text/plain")
        XCTAssertEqual(parsed.parameters["charset"], "utf-8")
        XCTAssertEqual(parsed.parameters["format"], "flowed")
        XCTAssertEqual(MIMEParameters.parse("attachment; filename=Mijn brief (1).pdf").parameters["filename"], "Mijn brief (1).pdf")
    }

    func testWindowsPathBackslashesSurviveQuoting() {
        let parsed = MIMEParameters.parse("attachment; filename=\"C:\\temp\\foto.jpg\"")
        XCTAssertEqual(parsed.parameters["filename"], "C:\\temp\\foto.jpg")
    }

    func testGarbageDoesNotCrash() {
        for input in ["", ";;;", "=", "\"", "a/b; =x; \"q\"; n=\"unterminated", "(((", "a; b*=''; c*0*=%G1", "x; y*99999999999=1"] {
            _ = MIMEParameters.parse(input)
        }
        XCTAssertEqual(MIMEParameters.parse("a/b; c*0*=%G1").parameters["c"], "%G1")
    }
}
