import XCTest
@testable import Text

final class BSNEntityTests: XCTestCase {
    func testElfproef() {
        // 9·1 + 8·1 + 7·1 + 6·2 + 5·2 + 4·2 + 3·3 + 2·3 − 3 = 66 = 6·11
        XCTAssertTrue(BSN.isValid("111222333"))
        XCTAssertTrue(BSN.isValid("123456782"))
        XCTAssertTrue(BSN.isValid("012345672"))
        XCTAssertFalse(BSN.isValid("123456789"))
        XCTAssertFalse(BSN.isValid("111222334"))
        XCTAssertFalse(BSN.isValid("000000000"))
        XCTAssertFalse(BSN.isValid("12345678"))
        XCTAssertFalse(BSN.isValid("1234567820"))
        XCTAssertFalse(BSN.isValid("12345678a"))
        XCTAssertFalse(BSN.isValid("1234.56.782"))
        XCTAssertFalse(BSN.isValid(""))
        XCTAssertFalse(BSN.isValid("１１１２２２３３３"))
    }

    func testFoundInProse() {
        assertBSNs("mijn bsn is 111222333", ["111222333"])
        assertBSNs("BSN: 1234.56.782, graag snel", ["1234.56.782"])
        assertBSNs("burgerservicenummer 123 456 782.", ["123 456 782"])
        assertBSNs("bsn 1234 56 782", ["1234 56 782"])
        assertBSNs("bsn 012345672", ["012345672"])
        assertBSNs("bsn 111222333 en van mijn zoon 123456782", ["111222333", "123456782"])
    }

    func testInvalidNumbersAreNotBSNs() {
        assertBSNs("mijn bsn is 123456789", [])
        assertBSNs("000000000", [])
        assertBSNs("bsn 111.222.334", [])
        assertBSNs("bsn 123 456 789", [])
    }

    func testMustNotBePartOfALongerNumber() {
        assertBSNs("9111222333", [])
        assertBSNs("1112223330", [])
        assertBSNs("111222333.5", [])
        assertBSNs("1-111222333", [])
        assertBSNs("€ 111.222.333,00", [])
        assertBSNs("12 111 222 333", [])
        assertBSNs("111 222 333 4", [])
        assertBSNs("11.1222.2333", [])
        assertBSNs("111.222 333", [])
        assertBSNs("kenmerk Z111222333", [])
    }

    func testMatchNeverHoldsTheDigits() {
        let found = EntityScanner.scan("mijn bsn is 111222333")
        XCTAssertEqual(found.bsns, [BSNMatch(range: TextRange(start: 12, end: 21))])
        XCTAssertFalse(String(describing: found.bsns).contains("111222333"))
    }
}
