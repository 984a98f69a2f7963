import XCTest
@testable import Text

final class PostcodeEntityTests: XCTestCase {
    func testWrittenForms() {
        assertPostcodes("postcode 2221 AB", [("2221AB", "2221 AB")])
        assertPostcodes("postcode 2221AB", [("2221AB", "2221AB")])
        assertPostcodes("postcode 2221ab", [("2221AB", "2221ab")])
        assertPostcodes("postcode 2221 ab", [("2221AB", "2221 ab")])
        assertPostcodes("postcode 2221 aB, Katwijk", [("2221AB", "2221 aB")])
        assertPostcodes("2221\u{00A0}AB Katwijk", [("2221AB", "2221\u{00A0}AB")])
        assertPostcodes("(2221AB)", [("2221AB", "2221AB")])
        assertPostcodes("Katwijk 2221 AB.", [("2221AB", "2221 AB")])
        assertPostcodes("9999 ZZ", [("9999ZZ", "9999 ZZ")])
        assertPostcodes("1000 AA", [("1000AA", "1000 AA")])
    }

    func testLetterPairsThatDoNotExist() {
        assertNoPostcode("Wij wonen op 1234 SA in Katwijk")
        assertNoPostcode("postcode 1234SD")
        assertNoPostcode("postcode 1234 ss")
        assertNoPostcode("postcode 1234 Sa")
        assertPostcodes("postcode 1234 SB", [("1234SB", "1234 SB")])
        assertPostcodes("postcode 1234 AS", [("1234AS", "1234 AS")])
    }

    func testMustStandAlone() {
        assertNoPostcode("ordernummer 12345AB")
        assertNoPostcode("kenteken 1234ABC")
        assertNoPostcode("code X1234AB")
        assertNoPostcode("code 1234AB5")
        assertNoPostcode("0123 AB")
        assertNoPostcode("999 AB")
        assertNoPostcode("2221 A B")
        assertNoPostcode("2221  AB")
        assertNoPostcode("2221-AB")
    }

    func testYearsAndQuantitiesInProseAreNotPostcodes() {
        assertNoPostcode("in 2019 en 2020 op de markt")
        assertNoPostcode("de weg is 1500 km lang en 2000 kg zwaar")
        assertNoPostcode("sinds 2015 al last, 1200 ml")
        // Capitals are taken at face value.
        assertPostcodes("2019 EN", [("2019EN", "2019 EN")])
    }

    func testNormalize() {
        XCTAssertEqual(Postcode.normalize("2221 ab"), "2221AB")
        XCTAssertEqual(Postcode.normalize("2221AB"), "2221AB")
        XCTAssertEqual(Postcode.normalize("  2221ab\n"), "2221AB")
        XCTAssertEqual(Postcode.normalize("2221 de"), "2221DE")
        XCTAssertEqual(Postcode.normalize("2221\u{00A0}AB"), "2221AB")
        XCTAssertNil(Postcode.normalize(""))
        XCTAssertNil(Postcode.normalize("0221AB"))
        XCTAssertNil(Postcode.normalize("2221 SA"))
        XCTAssertNil(Postcode.normalize("2221sd"))
        XCTAssertNil(Postcode.normalize("2221SS"))
        XCTAssertNil(Postcode.normalize("2221  AB"))
        XCTAssertNil(Postcode.normalize("2221ABC"))
        XCTAssertNil(Postcode.normalize("22221AB"))
        XCTAssertNil(Postcode.normalize("2221 AB Katwijk"))
        XCTAssertNil(Postcode.normalize("2221 Ä B"))
        XCTAssertNil(Postcode.normalize("２２２１AB"))
    }
}
