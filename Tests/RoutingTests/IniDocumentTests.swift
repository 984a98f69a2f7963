import Routing
import XCTest

final class IniDocumentTests: XCTestCase {
    func testSectionsEntriesAndLocations() throws {
        let document = IniDocument.parse("""
            # comment
              [team  Stadsbeheer]   # trailing comment
            signals=stank ,x1
              queue   =   a b   # comment
            """, path: "f.conf")
        XCTAssertEqual(document.diagnostics, [])
        let section = try XCTUnwrap(document.sections.first)
        XCTAssertEqual(section.kind, "team")
        XCTAssertEqual(section.name, "Stadsbeheer")
        XCTAssertEqual(section.location, SourceLocation(path: "f.conf", line: 2, column: 3))
        XCTAssertEqual(section.kindLocation.column, 4)
        XCTAssertEqual(section.nameLocation?.column, 10)
        XCTAssertEqual(section.entries.map(\.key), ["signals", "queue"])
        XCTAssertEqual(section.entries.map(\.value.text), ["stank ,x1", "a b"])
        XCTAssertEqual(section.entries[1].keyLocation, SourceLocation(path: "f.conf", line: 4, column: 3))
        XCTAssertEqual(section.entries[1].value.location, SourceLocation(path: "f.conf", line: 4, column: 15))
        XCTAssertEqual(section.entries[0].value.location(at: 7).column, 16)
    }

    func testHashInsideAWordOrQuotesIsNotAComment() throws {
        let document = IniDocument.parse("""
            [x]
            endpoint = https://example.nl/#anchor
            text = "a # b" # c
            empty = # only a comment
            """, path: "f")
        let entries = try XCTUnwrap(document.sections.first?.entries)
        XCTAssertEqual(entries.map(\.value.text), ["https://example.nl/#anchor", "\"a # b\"", ""])
        XCTAssertEqual(entries[2].value.location.column, 9)
    }

    func testContinuationLinesJoinWithASpaceAndKeepColumns() throws {
        let document = IniDocument.parse("[x]\nk = one, \\\n  # skipped\n    two \\\n three\nnext = 1\n", path: "f")
        XCTAssertEqual(document.diagnostics, [])
        let entries = try XCTUnwrap(document.sections.first?.entries)
        XCTAssertEqual(entries.map(\.key), ["k", "next"])
        let value = entries[0].value
        XCTAssertEqual(value.text, "one, two three")
        XCTAssertEqual(value.location(at: 0), SourceLocation(path: "f", line: 2, column: 5))
        XCTAssertEqual(value.location(at: 5), SourceLocation(path: "f", line: 4, column: 5))
        XCTAssertEqual(value.location(at: 9), SourceLocation(path: "f", line: 5, column: 2))
    }

    func testABlankLineEndsAContinuation() throws {
        let document = IniDocument.parse("[x]\nk = one \\\n\nj = two\n", path: "f")
        XCTAssertEqual(document.sections.first?.entries.map(\.value.text), ["one", "two"])
    }

    func testCRLFLineEndingsAndByteOrderMark() throws {
        let document = IniDocument.parse("\u{FEFF}[x]\r\nk = v\r\n", path: "f")
        XCTAssertEqual(document.diagnostics, [])
        XCTAssertEqual(document.sections.first?.location.column, 1)
        XCTAssertEqual(document.sections.first?.entries.first?.value.text, "v")
    }

    func testSyntaxErrors() {
        let document = IniDocument.parse("""
            k = outside
            [team Foo
            [team Foo] extra
            [team Foo Bar]
            [team Fo/o]
            [ ]
            [x]
            missing equals here
            = value
            min score = 3
            lonely
            """, path: "f")
        XCTAssertEqual(document.diagnostics.map(\.description), [
            "f:1:1: key 'k' outside any section (put it under a section header)",
            "f:2:10: malformed section header: missing ']'",
            "f:3:12: malformed section header: unexpected 'extra' after ']'",
            "f:4:11: malformed section header: a section name cannot contain spaces ('Foo Bar')",
            "f:5:9: malformed section header: invalid character '/' in section name (use letters, digits, '-', '_' and '.')",
            "f:6:1: malformed section header: no section kind in '[]'",
            "f:8:9: missing '=' after 'missing' (expected 'key = value')",
            "f:9:1: missing key before '='",
            "f:10:1: malformed key 'min score' (keys contain no spaces)",
            "f:11:7: missing '=' after 'lonely' (expected 'key = value')",
        ])
        XCTAssertEqual(document.sections.map(\.kind), ["team", "team", "team", "team", "", "x"])
        XCTAssertEqual(document.sections.map(\.isMalformed), [true, true, true, true, true, false])
        XCTAssertEqual(document.sections[0].name, "Foo")
    }

    func testKeyOutsideAnySectionNamesItsSection() {
        let document = IniDocument.parse("fallback = KCC\nsignals = x\n", path: "f")
        XCTAssertEqual(document.diagnostics.map(\.message), [
            "key 'fallback' outside any section (it belongs under [router])",
            "key 'signals' outside any section (it belongs under [team NAME])",
        ])
    }

    func testUnbalancedQuoteInAnyValue() {
        let document = IniDocument.parse("[x]\na = \"open\nb = \"closed\" \"open # not a comment\n", path: "f")
        XCTAssertEqual(document.diagnostics.map(\.description), [
            "f:2:5: unbalanced quote: this '\"' is never closed",
            "f:3:14: unbalanced quote: this '\"' is never closed",
        ])
        XCTAssertEqual(document.sections.first?.entries.map(\.hasUnbalancedQuote), [true, true])
    }
}
