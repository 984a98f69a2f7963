import Learning
import XCTest

final class HistoryReaderTests: XCTestCase {
    private let teams = ["KCC", "Stadsbeheer", "Handhaving"]

    private func reader(map: String? = nil) throws -> HistoryReader {
        let categories = try map.map { try CategoryMap(bytes: Array($0.utf8), path: "map.tsv", teamNames: teams) } ?? CategoryMap()
        return HistoryReader(teamNames: teams, map: categories)
    }

    func testTeamsAndMappedCategoriesWithCommentsBlanksEmptyTextsAndDuplicates() throws {
        var history = try reader(map: "# ours\nLichtmast defect\tStadsbeheer\r\nFoutparkeren\thandhaving\n")
        try history.read(bytes: Array("""
            # exported
            stadsbeheer\tlamp kapot
            Lichtmast defect\tlamp brandt niet

            FOUTPARKEREN\tauto op de stoep
            Stadsbeheer\t\t
            stadsbeheer\tlamp kapot
            """.utf8), path: "a.tsv")
        XCTAssertEqual(history.examples, [
            HistoryExample(team: "Stadsbeheer", text: "lamp kapot"),
            HistoryExample(team: "Stadsbeheer", text: "lamp brandt niet"),
            HistoryExample(team: "Handhaving", text: "auto op de stoep"),
        ])
        XCTAssertEqual(history.emptyTexts, 1)
        XCTAssertEqual(history.duplicates, 1)
        XCTAssertEqual(history.sources.map(\.examples), [3])
    }

    func testAnUnknownLabelNamesItsFirstLineAndCountsTheRest() throws {
        var history = try reader()
        XCTAssertThrowsError(try history.read(bytes: Array("KCC\tvraag\nParkeren\ta\nParkeren\tb\nOverig\tc\n".utf8), path: "h.tsv")) {
            XCTAssertEqual("\($0)", "h.tsv:2: 'Parkeren' is neither a team (KCC, Stadsbeheer, Handhaving) nor a category of "
                           + "the --map file (3 lines like it)")
        }
        XCTAssertTrue(history.examples.isEmpty)
    }

    func testBytesThatAreNotUTF8NameTheirLine() throws {
        var history = try reader()
        XCTAssertThrowsError(try history.read(bytes: Array("KCC\tvraag\n".utf8) + [0x4B, 0x43, 0x43, 0x09, 0xC3, 0x28, 0x0A], path: "h.tsv")) {
            XCTAssertEqual("\($0)", "h.tsv:2: not valid UTF-8 (save the file as UTF-8)")
        }
    }

    func testALineWithoutATab() throws {
        var history = try reader()
        XCTAssertThrowsError(try history.read(bytes: Array("KCC vraag\n".utf8), path: "h.tsv")) {
            XCTAssertEqual("\($0)", "h.tsv:1: expected TEAM<TAB>TEXT")
        }
    }

    func testAMapMustNameKnownTeamsAndMapACategoryOnce() {
        XCTAssertThrowsError(try CategoryMap(bytes: Array("Lichtmast\tBeheer\n".utf8), path: "m", teamNames: teams)) {
            XCTAssertEqual("\($0)", "m:1: unknown team 'Beheer' (teams: KCC, Stadsbeheer, Handhaving)")
        }
        XCTAssertThrowsError(try CategoryMap(bytes: Array("A\tKCC\na\tHandhaving\n".utf8), path: "m", teamNames: teams)) {
            XCTAssertEqual("\($0)", "m:2: category 'a' is mapped to KCC already, and here to Handhaving")
        }
        XCTAssertThrowsError(try CategoryMap(bytes: Array("Lichtmast\n".utf8), path: "m", teamNames: teams)) {
            XCTAssertEqual("\($0)", "m:1: expected CATEGORY<TAB>TEAM")
        }
    }
}
