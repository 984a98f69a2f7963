import Privacy
import XCTest

final class PersonQueryTests: XCTestCase {
    func testEmailIsCaseFolded() throws {
        let query = try PersonQuery(kind: .email, text: " Jan.Jansen@Example.NL ")
        XCTAssertEqual(query.value, "jan.jansen@example.nl")
    }

    func testPhoneIsInternational() throws {
        XCTAssertEqual(try PersonQuery(kind: .phone, text: "06-12345678").value, "+31612345678")
        XCTAssertEqual(try PersonQuery(kind: .phone, text: "+31 6 1234 5678").value, "+31612345678")
    }

    func testMalformedIdentifiersSayWhy() {
        XCTAssertThrowsError(try PersonQuery(kind: .email, text: "foo")) { error in
            XCTAssertTrue("\(error)".contains("not an e-mail address"), "\(error)")
        }
        XCTAssertThrowsError(try PersonQuery(kind: .phone, text: "12"))
        XCTAssertThrowsError(try PersonQuery(kind: .phone, text: "06-12345678 en meer"))
        XCTAssertThrowsError(try PersonQuery(kind: .name, text: "J"))
        XCTAssertThrowsError(try PersonQuery(kind: .id, text: "../etc"))
    }

    func testMatcherFindsFieldsOfAMessage() throws {
        let json = #"{"id":"ABC","sender":{"name":"Jan Jansen","email":"JAN@example.nl","phone":"06 1234 5678"},"text":"bel 0612345678"}"#
        let bytes = Array(json.utf8)
        XCTAssertEqual(PersonMatcher(try PersonQuery(kind: .email, text: "jan@example.nl")).fields(in: bytes), ["sender.email"])
        XCTAssertEqual(PersonMatcher(try PersonQuery(kind: .phone, text: "+31612345678")).fields(in: bytes),
                       ["sender.phone", "text"])
        XCTAssertEqual(PersonMatcher(try PersonQuery(kind: .name, text: "jansen")).fields(in: bytes), ["sender.name"])
        XCTAssertEqual(PersonMatcher(try PersonQuery(kind: .email, text: "piet@example.nl")).fields(in: bytes), [])
    }

    func testMatcherReadsRawMail() throws {
        let mail = Array("From: Jan <Jan@Example.nl>\r\nSubject: x\r\n\r\nhallo\r\n".utf8)
        XCTAssertEqual(PersonMatcher(try PersonQuery(kind: .email, text: "jan@example.nl")).fields(in: mail), ["content"])
        XCTAssertEqual(PersonMatcher(try PersonQuery(kind: .email, text: "an@example.nl")).fields(in: mail), [],
                       "an address matches only whole")
    }
}
