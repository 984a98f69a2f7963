import XCTest
@testable import Text

final class RedactionTests: XCTestCase {
    private func assertRedacted(
        _ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(Redaction.redactBSNs(text), expected, file: file, line: line)
    }

    func testEveryBSNIsReplaced() {
        assertRedacted("mijn bsn is 111222333", "mijn bsn is [BSN]")
        assertRedacted("111222333", "[BSN]")
        assertRedacted("bsn 1234.56.782 en 123 456 782!", "bsn [BSN] en [BSN]!")
        assertRedacted("Ik — bsn: 111222333 ✓ — bel 06-12345678", "Ik — bsn: [BSN] ✓ — bel 06-12345678")
    }

    func testOtherNumbersStay() {
        let text = "Dorpsstraat 12a, 2221 AB Katwijk, bel +31612345610, factuur 123456789"
        assertRedacted(text, text)
        assertRedacted("", "")
    }
}
