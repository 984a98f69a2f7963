import XCTest
@testable import Text

final class PhoneEntityTests: XCTestCase {
    func testNationalForms() {
        assertPhones("bel me op 06-12345678", [("+31612345678", "06-12345678")])
        assertPhones("bel me op 06 1234 5678 na vijven", [("+31612345678", "06 1234 5678")])
        assertPhones("0612345678", [("+31612345678", "0612345678")])
        assertPhones("06 12 34 56 78", [("+31612345678", "06 12 34 56 78")])
        assertPhones("tel. 071-5123456.", [("+31715123456", "071-5123456")])
        assertPhones("071 512 34 56", [("+31715123456", "071 512 34 56")])
        assertPhones("(071) 512 34 56", [("+31715123456", "(071) 512 34 56")])
        assertPhones("088-1234567", [("+31881234567", "088-1234567")])
        assertPhones("0252 - 123456", [("+31252123456", "0252 - 123456")])
        assertPhones("0800-1234 is gratis", [("+318001234", "0800-1234")])
        assertPhones("0900 1234567", [("+319001234567", "0900 1234567")])
        assertPhones("(0612345678)", [("+31612345678", "0612345678")])
        assertPhones("06–12345678", [("+31612345678", "06–12345678")])
        assertPhones("06\u{00A0}12345678", [("+31612345678", "06\u{00A0}12345678")])
        assertPhones("06-12345678/06-87654321", [("+31612345678", "06-12345678"), ("+31687654321", "06-87654321")])
    }

    func testInternationalForms() {
        assertPhones("+31 6 12345678", [("+31612345678", "+31 6 12345678")])
        assertPhones("+31612345678", [("+31612345678", "+31612345678")])
        assertPhones("+31(0)71-5123456", [("+31715123456", "+31(0)71-5123456")])
        assertPhones("+31 (0)6 1234 5678", [("+31612345678", "+31 (0)6 1234 5678")])
        assertPhones("0031 6 12345678", [("+31612345678", "0031 6 12345678")])
        assertPhones("0031612345678", [("+31612345678", "0031612345678")])
        assertPhones("tel:+31-71-5123456", [("+31715123456", "+31-71-5123456")])
    }

    func testTooShortOrTooLong() {
        assertNoPhone("06-1234567")
        assertNoPhone("06-123456789")
        assertNoPhone("061234567890")
        assertNoPhone("071 512 34 5")
        assertNoPhone("+31 6 1234567")
        assertNoPhone("+31 6 123456789")
        assertNoPhone("0 6 1 2 3 4 5 6 7 8")
        assertNoPhone("0012345678")
    }

    func testOtherNumbersAreNoPhones() {
        assertNoPhone("+32 470 12 34 56")
        assertNoPhone("+44 20 7946 0958")
        assertNoPhone("op 05-03-2024 10:00 uur")
        assertNoPhone("op 06-03-2024 10 uur")
        assertNoPhone("om 07.15 uur")
        assertNoPhone("x0612345678")
        assertNoPhone("06123456789")
        assertNoPhone("IBAN NL91 ABNA 0417 1643 00")
    }

    func testLongestWellFormedPrefixIsTaken() {
        assertPhones("06 1234 5678 2221 AB", [("+31612345678", "06 1234 5678")])
        assertPhones("bel 0612345678 of 071-5123456", [("+31612345678", "0612345678"), ("+31715123456", "071-5123456")])
    }

    func testPhoneIsNeverABSN() {
        // 612345610 alone passes the elfproef.
        XCTAssertTrue(BSN.isValid("612345610"))
        for text in ["+31612345610", "+31 612345610", "0031612345610", "+31 (0)612345610", "06-12345610"] {
            let found = EntityScanner.scan(text)
            XCTAssertEqual(found.bsns, [], text)
            XCTAssertEqual(found.phones.map(\.number), ["+31612345610"], text)
        }
        XCTAssertEqual(EntityScanner.scan("+32 612345610").bsns, [])
    }
}
