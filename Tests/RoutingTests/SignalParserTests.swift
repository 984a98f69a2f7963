import Routing
import XCTest

final class SignalParserTests: XCTestCase {
    private let start = SourceLocation(path: "routing.conf", line: 7, column: 11)

    private func parse(_ text: String, weighted: Bool = true) -> (signals: [Signal], diagnostics: [Diagnostic]) {
        SignalParser.parse(text, at: start, weighted: weighted)
    }

    /// Asserts that `text` gives exactly one error, at `column` of the list (1 = its first
    /// character), whose message contains `substring`.
    private func assertError(_ text: String, column: Int, _ substring: String, weighted: Bool = true,
                             file: StaticString = #filePath, line: UInt = #line) {
        let diagnostics = parse(text, weighted: weighted).diagnostics
        XCTAssertEqual(diagnostics.count, 1, diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
        guard let diagnostic = diagnostics.first else { return }
        XCTAssertEqual(diagnostic.severity, .error, file: file, line: line)
        XCTAssertEqual(diagnostic.location.line, start.line, file: file, line: line)
        XCTAssertEqual(diagnostic.location.column, start.column + column - 1, "\(diagnostic)", file: file, line: line)
        XCTAssertTrue(diagnostic.message.contains(substring), "'\(diagnostic.message)' lacks '\(substring)'",
                      file: file, line: line)
    }

    func testPatternForms() {
        let (signals, diagnostics) = parse(#"Lantaarnpaal, =BRP, stank*, *overlast, *tegel*, "losse  tegel", id-kaart, auto's"#)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(signals.map(\.pattern), [
            .word("Lantaarnpaal"), .exact("BRP"), .head("stank"), .tail("overlast"), .inside("tegel"),
            .phrase(["losse", "tegel"]), .word("id-kaart"), .word("auto's"),
        ])
        XCTAssertEqual(signals.map(\.text), ["Lantaarnpaal", "=BRP", "stank*", "*overlast", "*tegel*",
                                             "\"losse  tegel\"", "id-kaart", "auto's"])
        XCTAssertEqual(signals.map(\.weight), Array(repeating: 1, count: 8))
    }

    func testWeightsAndEntryLocations() {
        let (signals, diagnostics) = parse(#"lantaarnpaal:3,stank* : -4 , "gas lucht":+2, =wmo:100, x1:-100"#)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(signals.map(\.weight), [3, -4, 2, 100, -100])
        XCTAssertEqual(signals.map(\.text), ["lantaarnpaal", "stank*", "\"gas lucht\"", "=wmo", "x1"])
        XCTAssertEqual(signals.map(\.location.column), [11, 26, 40, 56, 66])
        XCTAssertTrue(signals.allSatisfy { $0.location.line == 7 && $0.location.path == "routing.conf" })
    }

    func testDecimalWeights() {
        let (signals, diagnostics) = parse(#"stank*:0.25, "losse tegel":-1.5, =wmo:+2.125, kolk:100.0"#)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(signals.map(\.weight), [0.25, -1.5, 2.125, 100])
    }

    func testDiacriticsAndDigitsAreLetters() {
        let (signals, diagnostics) = parse("café, ĳzel, naïef:2, 112:5, e-mail")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(signals.map(\.pattern), [.word("café"), .word("ĳzel"), .word("naïef"), .word("112"), .word("e-mail")])
    }

    func testEmptyEntries() {
        assertError("stank,,lantaarnpaal", column: 7, "empty signal entry")
        assertError("stank, lantaarnpaal,", column: 20, "empty signal entry")
        assertError(" , stank", column: 2, "empty signal entry")
        assertError("   ", column: 1, "empty signal list")
    }

    func testUnbalancedQuote() {
        assertError(#"stank, "losse tegel:3, grofvuil"#, column: 8, "unbalanced quote")
        assertError(#"stank, gas"lucht", x1"#, column: 11, "a quote must enclose the whole phrase")
        assertError(#""losse tegel" extra:3"#, column: 15, "unexpected 'extra' after the closing quote")
    }

    func testBadWeights() {
        assertError("stank:abc", column: 7, "invalid weight 'abc'")
        assertError("stank:2.5.1", column: 7, "invalid weight '2.5.1'")
        assertError("stank:0.1234", column: 7, "with at most three decimals")
        assertError("stank:.5", column: 7, "invalid weight '.5'")
        assertError("stank:5.", column: 7, "invalid weight '5.'")
        assertError("stank:1e2", column: 7, "invalid weight '1e2'")
        assertError("stank:0.000", column: 7, "weight 0 is not allowed")
        assertError("stank: 0", column: 8, "weight 0 is not allowed")
        assertError("lantaarnpaal, stank:101", column: 21, "weight 101 is out of range -100..100")
        assertError("stank:-101", column: 7, "out of range")
        assertError("stank:", column: 6, "missing weight after ':'")
        assertError(":3", column: 1, "missing signal before ':'")
        assertError("stank:1:2", column: 6, "invalid character ':'")
    }

    func testStarsAndEquals() {
        assertError("stoep*tegel", column: 6, "'*' is only allowed at the start or end")
        assertError("**tegel", column: 2, "'*' is only allowed at the start or end")
        assertError("=brp*", column: 5, "'=' cannot be combined with '*'")
        assertError("=*brp", column: 2, "'=' cannot be combined with '*'")
        assertError("*=brp", column: 2, "'=' cannot be combined with '*'")
        assertError("b=rp", column: 2, "'=' is only allowed at the start")
        assertError(#""gas *lucht""#, column: 6, "'*' is not allowed inside a quoted phrase")
        assertError(#""=gas lucht""#, column: 2, "'=' is not allowed inside a quoted phrase")
    }

    func testShapeErrors() {
        assertError("losse tegel:2", column: 1, #"contains a space; quote a phrase: "losse tegel""#)
        assertError("x", column: 1, "shorter than 2 letters")
        assertError("=u:2", column: 1, "shorter than 2 letters")
        assertError("*a*", column: 1, "shorter than 2 letters")
        assertError(#""""#, column: 1, "empty phrase")
        assertError(#""  ""#, column: 1, "empty phrase")
        assertError(#""a""#, column: 1, "shorter than 2 letters")
        assertError("-kaart", column: 1, "'-' is only allowed inside a word")
        assertError("stank!", column: 6, "invalid character '!'")
        assertError("\u{201C}gas lucht\u{201D}", column: 1, "use straight double quotes")
    }

    func testEveryBadEntryIsReportedAndGoodOnesKept() {
        let (signals, diagnostics) = parse("stank:3, x, stoep*tegel, =brp, a b, grofvuil:0, lachgas:-4")
        XCTAssertEqual(signals.map(\.text), ["stank", "=brp", "lachgas"])
        XCTAssertEqual(diagnostics.map(\.location.column), [10, 18, 32, 46].map { $0 + 10 })
    }

    func testUrgentWordsTakeNoWeight() {
        XCTAssertEqual(parse("spoed, =gevaar, \"gas lucht\"", weighted: false).diagnostics, [])
        assertError("spoed, brand:2", column: 13, "urgent words take no weight", weighted: false)
    }

    func testColumnsFollowContinuationLines() {
        let text = """
            [router]
            fallback = KCC
            [team KCC]
            signals = lantaarnpaal:3, \\
                # comment lines inside a continuation are skipped
                stoep*tegel:2, \\
               grofvuil:0
            """
        assertDiagnostics(text, [(6, 10, "'*' is only allowed"), (7, 13, "weight 0 is not allowed")])
    }
}
