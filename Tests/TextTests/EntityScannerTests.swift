import XCTest
@testable import Text

final class EntityScannerTests: XCTestCase {
    func testCitizenMessageWithEveryKind() {
        let text = """
            Geachte heer/mevrouw,
            Op de hoek van de Dorpsstraat 12a, 2221 AB Katwijk ligt al weken een lantaarnpaal om.
            Bel me op 06-12345678 of mail naar p.devries@example.nl. Mijn BSN is 111222333.
            Met vriendelijke groet, Piet de Vries
            """
        let found = EntityScanner.scan(text)
        XCTAssertEqual(found.postcodes.map(\.postcode), ["2221AB"])
        XCTAssertEqual(found.houseNumbers.map(\.number), ["12A"])
        XCTAssertEqual(found.houseNumbers.first?.street, "Dorpsstraat")
        XCTAssertEqual(found.phones.map(\.number), ["+31612345678"])
        XCTAssertEqual(found.emails.map(\.address), ["p.devries@example.nl"])
        XCTAssertEqual(found.bsns.map { entityText(text, $0.range) }, ["111222333"])
        XCTAssertEqual(found.postcodes.map { entityText(text, $0.range) }, ["2221 AB"])
        XCTAssertEqual(found.houseNumbers.map { entityText(text, $0.range) }, ["12a"])
        XCTAssertEqual(found.phones.map { entityText(text, $0.range) }, ["06-12345678"])
    }

    func testSentenceFromTheBrief() {
        assertHouseNumbers("Op de hoek van de Dorpsstraat 12a, 2221 AB Katwijk ligt een kapotte stoeptegel.",
                           [("12A", "Dorpsstraat", "12a")])
        assertPostcodes("Op de hoek van de Dorpsstraat 12a, 2221 AB Katwijk ligt een kapotte stoeptegel.",
                        [("2221AB", "2221 AB")])
    }

    func testEachKindIsInTextOrder() {
        let text = "Eerst 2311 EZ Leiden, dan 2221AB Katwijk en 2201 CA Noordwijk; bel 071-5123456 of 06 1234 5678."
        let found = EntityScanner.scan(text)
        XCTAssertEqual(found.postcodes.map(\.postcode), ["2311EZ", "2221AB", "2201CA"])
        XCTAssertEqual(found.phones.map(\.number), ["+31715123456", "+31612345678"])
        let starts = found.postcodes.map(\.range.start)
        XCTAssertEqual(starts, starts.sorted())
    }

    func testEmptyAndEntityFreeInput() {
        XCTAssertTrue(EntityScanner.scan("").isEmpty)
        XCTAssertEqual(EntityScanner.scan(""), Entities())
        XCTAssertTrue(EntityScanner.scan("De lantaarnpaal in onze straat brandt al drie weken niet.").isEmpty)
        XCTAssertTrue(EntityScanner.scan("   \n\t ").isEmpty)
        XCTAssertTrue(EntityScanner.scan("(+@)").isEmpty)
    }

    func testRangesAreUTF8ByteOffsets() {
        let text = "Café ‘De Zwaan’ 🦢 – 2221 AB Katwijk"
        let found = EntityScanner.scan(text)
        XCTAssertEqual(found.postcodes.count, 1)
        let prefix = "Café ‘De Zwaan’ 🦢 – "
        XCTAssertEqual(found.postcodes.first?.range, TextRange(start: prefix.utf8.count, end: prefix.utf8.count + 7))
    }

    func testUnicodeAroundEntities() {
        assertPostcodes("«2221AB» — “2221 AB”…", [("2221AB", "2221AB"), ("2221AB", "2221 AB")])
        assertPhones("📞 06-12345678 📞", [("+31612345678", "06-12345678")])
        assertEmails("✉️ mail: jan@katwijk.nl ✓", ["jan@katwijk.nl"])
        assertBSNs("BSN→111222333←", ["111222333"])
        assertHouseNumbers("Ik woon op de Brouwerijstraat 3 in Zoeterwoude-Rijndijk.",
                           [("3", "Brouwerijstraat", "3")])
    }

    func testLettersOfOtherScriptsJoinAToken() {
        assertNoPostcode("é2221AB")
        assertNoPostcode("2221ABé")
        assertNoPostcode("2221 ABé")
        assertBSNs("ö111222333", [])
        assertBSNs("111222333ß", [])
    }

    func testEntitiesInsideAnEmailAddressAreNotReportedSeparately() {
        let text = "mijn adres is 2221ab.111222333@example.nl, tel 0612345678"
        let found = EntityScanner.scan(text)
        XCTAssertEqual(found.emails.map(\.address), ["2221ab.111222333@example.nl"])
        XCTAssertEqual(found.postcodes, [])
        XCTAssertEqual(found.bsns, [])
        XCTAssertEqual(found.phones.map(\.number), ["+31612345678"])
    }

    func testScanningNonContiguousStringGivesSameResult() {
        let native = "Dorpsstraat 12a, 2221 AB Katwijk, bel 06-12345678"
        let bridged = String(Substring(native))
        XCTAssertEqual(EntityScanner.scan(native), EntityScanner.scan(bridged))
        XCTAssertFalse(EntityScanner.scan(bridged).isEmpty)
    }

    func testTextRangeOverlap() {
        XCTAssertTrue(TextRange(start: 0, end: 5).overlaps(TextRange(start: 4, end: 9)))
        XCTAssertFalse(TextRange(start: 0, end: 5).overlaps(TextRange(start: 5, end: 9)))
        XCTAssertEqual(TextRange(start: 3, end: 10).count, 7)
    }

    func testTranscriptWithManyNumbersFindsOnlyEntities() {
        let text = """
            Beller: goedemorgen, ik bel over de container aan de Kerklaan 45-2. Die staat er al
            sinds 12 maart 2024 en er liggen 3 zakken naast. Mijn nummer is 071 512 34 56.
            Medewerker: en uw postcode? Beller: 2223 KL.
            """
        let found = EntityScanner.scan(text)
        XCTAssertEqual(found.houseNumbers.map(\.number), ["45-2"])
        XCTAssertEqual(found.houseNumbers.map(\.street), ["Kerklaan"])
        XCTAssertEqual(found.phones.map(\.number), ["+31715123456"])
        XCTAssertEqual(found.postcodes.map(\.postcode), ["2223KL"])
        XCTAssertEqual(found.bsns, [])
        XCTAssertEqual(found.emails, [])
    }
}
