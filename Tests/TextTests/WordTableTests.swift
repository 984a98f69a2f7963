import Text
import XCTest

final class WordTableTests: XCTestCase {
    func testFindsEveryValueOfAKeyAndNothingElse() {
        let table = WordTable([(Array("paspoort".utf8), 1), (Array("rolstoel".utf8), 2), (Array("paspoort".utf8), 3)])
        XCTAssertEqual(values(table, "paspoort"), [1, 3])
        XCTAssertEqual(values(table, "rolstoel"), [2])
        XCTAssertEqual(values(table, "paspoor"), [])
        XCTAssertEqual(values(table, ""), [])
        XCTAssertEqual(table.count, 2)
    }

    func testManyKeysAllFound() {
        let words = (0..<10_000).map { "woord\($0)" }
        let table = WordTable(words.enumerated().map { (Array($0.element.utf8), $0.offset) })
        for (index, word) in words.enumerated() where index % 97 == 0 {
            XCTAssertEqual(values(table, word), [index], word)
        }
        XCTAssertEqual(values(table, "woord10000"), [])
    }

    private func values(_ table: WordTable, _ word: String, file: StaticString = #filePath, line: UInt = #line) -> [Int] {
        var found: [Int] = []
        Array(word.utf8).withUnsafeBufferPointer { table.forEachValue(of: $0) { found.append($0) } }
        return found
    }
}
