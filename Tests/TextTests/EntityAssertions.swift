import XCTest
@testable import Text

/// The text a match's range covers, for comparing against what was written.
func entityText(_ text: String, _ range: TextRange) -> String {
    let bytes = Array(text.utf8)
    guard range.start >= 0, range.start <= range.end, range.end <= bytes.count else { return "<bad range>" }
    return String(decoding: bytes[range.start..<range.end], as: UTF8.self)
}

/// Asserts the postcodes found in `text`, normalized and as written.
func assertPostcodes(
    _ text: String, _ expected: [(postcode: String, written: String)],
    file: StaticString = #filePath, line: UInt = #line
) {
    let found = EntityScanner.scan(text).postcodes
    XCTAssertEqual(found.map(\.postcode), expected.map(\.postcode), "postcodes in \(text.debugDescription)",
                   file: file, line: line)
    XCTAssertEqual(found.map { entityText(text, $0.range) }, expected.map(\.written),
                   "postcode ranges in \(text.debugDescription)", file: file, line: line)
}

/// Asserts that `text` holds no postcode.
func assertNoPostcode(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
    assertPostcodes(text, [], file: file, line: line)
}

/// Asserts the house numbers found in `text`: normalized number, street, and the text covered.
func assertHouseNumbers(
    _ text: String, _ expected: [(number: String, street: String?, written: String)],
    file: StaticString = #filePath, line: UInt = #line
) {
    let found = EntityScanner.scan(text).houseNumbers
    XCTAssertEqual(found.map(\.number), expected.map(\.number), "house numbers in \(text.debugDescription)",
                   file: file, line: line)
    XCTAssertEqual(found.map { $0.street ?? "-" }, expected.map { $0.street ?? "-" },
                   "streets in \(text.debugDescription)", file: file, line: line)
    XCTAssertEqual(found.map { entityText(text, $0.range) }, expected.map(\.written),
                   "house number ranges in \(text.debugDescription)", file: file, line: line)
}

/// Asserts the telephone numbers found in `text`, normalized and as written.
func assertPhones(
    _ text: String, _ expected: [(number: String, written: String)],
    file: StaticString = #filePath, line: UInt = #line
) {
    let found = EntityScanner.scan(text).phones
    XCTAssertEqual(found.map(\.number), expected.map(\.number), "phones in \(text.debugDescription)",
                   file: file, line: line)
    XCTAssertEqual(found.map { entityText(text, $0.range) }, expected.map(\.written),
                   "phone ranges in \(text.debugDescription)", file: file, line: line)
}

/// Asserts that `text` holds no telephone number.
func assertNoPhone(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
    assertPhones(text, [], file: file, line: line)
}

/// Asserts the e-mail addresses found in `text`; each range must cover the address exactly.
func assertEmails(_ text: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
    let found = EntityScanner.scan(text).emails
    XCTAssertEqual(found.map(\.address), expected, "e-mail addresses in \(text.debugDescription)",
                   file: file, line: line)
    XCTAssertEqual(found.map { entityText(text, $0.range) }, expected,
                   "e-mail ranges in \(text.debugDescription)", file: file, line: line)
}

/// Asserts the BSNs found in `text`, given as the text each range covers.
func assertBSNs(_ text: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
    let found = EntityScanner.scan(text).bsns
    XCTAssertEqual(found.map { entityText(text, $0.range) }, expected, "BSNs in \(text.debugDescription)",
                   file: file, line: line)
}
