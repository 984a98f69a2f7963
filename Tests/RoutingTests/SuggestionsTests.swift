import Routing
import XCTest

final class SuggestionsTests: XCTestCase {
    func testEditDistance() {
        XCTAssertEqual(Suggestions.editDistance("", "abc"), 3)
        XCTAssertEqual(Suggestions.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestions.editDistance("min-scroe", "min-score"), 1, "a swap of neighbours costs 1")
        XCTAssertEqual(Suggestions.editDistance("team", "team"), 0)
    }

    func testClosestCandidate() {
        let keys = ConfigSchema.router.keys.map(\.name)
        XCTAssertEqual(Suggestions.closest(to: "minscore", among: keys), "min-score")
        XCTAssertEqual(Suggestions.closest(to: "MIN_MARGIN", among: keys), "min-margin")
        XCTAssertEqual(Suggestions.closest(to: "fallbak", among: keys), "fallback")
        XCTAssertEqual(Suggestions.closest(to: "urgnt", among: keys), "urgent")
        XCTAssertNil(Suggestions.closest(to: "colour", among: keys))
        XCTAssertNil(Suggestions.closest(to: "xyz", among: ["abc"]), "short words allow only one edit")
        XCTAssertEqual(Suggestions.didYouMean("teem", among: ["router", "team"]), " (did you mean 'team'?)")
        XCTAssertEqual(Suggestions.didYouMean("zzzz", among: ["router", "team"]), "")
    }
}
