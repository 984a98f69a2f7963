import CCurl
@testable import Delivery
import XCTest

/// The reused `curl_slist` chain of request headers.
final class HeaderListTests: XCTestCase {
    private func lines(of chain: UnsafeMutablePointer<curl_slist>?) -> [String] {
        var result: [String] = []
        var node = chain
        while let current = node {
            result.append(String(cString: current.pointee.data))
            node = current.pointee.next
        }
        return result
    }

    func testTheChainHoldsTheLinesThenTheExtraOne() {
        let list = HeaderList()
        let headers = ["Content-Type: application/json", "Idempotency-Key: 01J0ABC", "X-Team: Wegbeheer é ü 😀"]
        XCTAssertEqual(lines(of: list.chain(headers, "Expect:")), headers + ["Expect:"])
        XCTAssertEqual(lines(of: list.chain([], "Expect:")), ["Expect:"])
    }

    func testTheListGrowsAndIsReused() {
        let list = HeaderList()
        XCTAssertEqual(lines(of: list.chain(["A: 1"], "Expect:")), ["A: 1", "Expect:"])
        let many = (0..<40).map { "X-Header-\($0): " + String(repeating: "v", count: 100) }
        XCTAssertEqual(lines(of: list.chain(many, "Expect:")), many + ["Expect:"], "more nodes and text than at first")
        XCTAssertEqual(lines(of: list.chain(["B: 2", ""], "Expect:")), ["B: 2", "", "Expect:"], "a shorter chain after a longer one")
    }

    func testALineIsCutAtANulByteAsLibcurlWouldCutIt() {
        let list = HeaderList()
        XCTAssertEqual(lines(of: list.chain(["A: 1\u{0}B: 2", "C: 3"], "Expect:")), ["A: 1", "C: 3", "Expect:"])
    }
}
