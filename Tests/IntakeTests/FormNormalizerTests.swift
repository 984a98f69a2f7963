import XCTest
@testable import Intake
import Messages

final class FormNormalizerTests: XCTestCase {
    func testEachFormFieldHasItsOwnSlotInCaseOrder() {
        XCTAssertEqual(FormField.allCases.map(\.slot), Array(0..<FormField.count))
    }

    func testFlatFormFixture() throws {
        let input = try FormNormalizer.normalize(try fixture("flat-form.json"), source: testSource)
        let message = input.message
        XCTAssertEqual(message.channel, .form)
        XCTAssertEqual(message.id, "")
        XCTAssertEqual(message.receivedAt, "")
        XCTAssertNil(message.routing)
        XCTAssertEqual(message.source, testSource)
        XCTAssertEqual(message.subject, "Lantaarnpaal brandt niet")
        XCTAssertTrue(message.text.hasPrefix("Sinds drie dagen brandt de lantaarnpaal"))
        XCTAssertTrue(message.text.contains("stoep\nerg donker"))
        XCTAssertEqual(message.sender, Sender(name: "Fatima el Amrani", email: "f.elamrani@example.nl", phone: "06-12345678"))
        XCTAssertEqual(message.location, Location(postcode: "2221AB", houseNumber: "12", street: "Zeeweg", place: "Katwijk"))
        XCTAssertEqual(message.channelData["format"], .string("form"))
        XCTAssertEqual(input.fieldKeys, ["contactVoorkeur", "paalnummer"])
        XCTAssertEqual(input.field("paalnummer"), .string("KW-0412"))
        XCTAssertEqual(message.attachments, [])
        XCTAssertEqual(input.attachments.map(\.filename), ["lantaarnpaal.png", "situatieschets.pdf"])
        XCTAssertEqual(input.attachments.map(\.contentType), ["image/png", "application/pdf"])
        XCTAssertEqual(Array(input.attachments[0].data.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertEqual(Array(input.attachments[1].data.prefix(5)), utf8("%PDF-"))
    }

    func testChannelDefaultsToFormAndCanBeSet() throws {
        XCTAssertEqual(try normalizeForm(#"{"text": "Vraag over mijn aanslag"}"#).message.channel, .form)
        XCTAssertEqual(try normalizeForm(#"{"text": "Vraag", "channel": "Email"}"#).message.channel, .email)
        XCTAssertEqual(try normalizeForm(#"{"text": "Vraag", "channel": "call"}"#).message.channel, .call)
        assertThrowsDescription("field 'channel' must be one of email, form, webhook, call") {
            try FormNormalizer.normalize(utf8(#"{"text": "Vraag", "channel": "fax"}"#), source: testSource)
        }
    }

    func testNumbersAndUnknownFieldsKeepTheirType() throws {
        let input = try normalizeForm("""
            {"text": "Boom omgewaaid", "houseNumber": 12, "postcode": "2222 xy", "aantalBomen": 2,
             "spoed": true, "kenmerken": {"wijk": "Hoornes", "zone": 3}}
            """)
        XCTAssertEqual(input.message.location.houseNumber, "12")
        XCTAssertEqual(input.message.location.postcode, "2222XY")
        XCTAssertEqual(input.field("aantalBomen"), .number(2))
        XCTAssertEqual(input.field("spoed"), .bool(true))
        XCTAssertEqual(input.field("kenmerken.wijk"), .string("Hoornes"))
        XCTAssertEqual(input.field("kenmerken.zone"), .number(3))
    }

    func testPostcodeNotShapedLikeADutchOneIsKeptAsGiven() throws {
        let input = try normalizeForm(#"{"text": "Vraag", "postcode": "B-2000"}"#)
        XCTAssertEqual(input.message.location.postcode, "B-2000")
    }

    func testDutchKeysInAFlatForm() throws {
        let input = try normalizeForm("""
            {"onderwerp": "Zwerfafval", "omschrijving": "Veel afval bij de glasbak.", "naam": "Piet Jansen",
             "e-mailadres": "piet@example.nl", "huisnummer": "3", "huisletter": "b", "straatnaam": "Dorpsstraat",
             "woonplaats": "Valkenburg"}
            """)
        XCTAssertEqual(input.message.subject, "Zwerfafval")
        XCTAssertEqual(input.message.text, "Veel afval bij de glasbak.")
        XCTAssertEqual(input.message.sender.email, "piet@example.nl")
        XCTAssertEqual(input.message.location, Location(houseNumber: "3B", street: "Dorpsstraat", place: "Valkenburg"))
        XCTAssertEqual(input.fieldKeys, [])
    }

    func testAliasesMapExtraKeys() throws {
        let json = #"{"melding_tekst": "Rioolputje verstopt", "kern": "Rijnsburg"}"#
        let plain = try normalizeForm(json)
        XCTAssertNil(plain.message.location.place)
        XCTAssertEqual(plain.field("kern"), .string("Rijnsburg"))

        let aliased = try normalizeForm(json, aliases: FieldAliases(["place": ["Kern"], "TEXT": ["melding tekst"]]))
        XCTAssertEqual(aliased.message.location.place, "Rijnsburg")
        XCTAssertEqual(aliased.message.text, "Rioolputje verstopt")
        XCTAssertEqual(aliased.fieldKeys, [])
    }

    func testAliasesForUnknownFieldsAreIgnored() {
        XCTAssertTrue(FieldAliases(["bsn": ["burgerservicenummer"]]).isEmpty)
        XCTAssertFalse(FieldAliases(["houseNumber": ["nr"]]).isEmpty)
        XCTAssertTrue(FieldAliases.fieldNames.contains("houseNumberAddition"))
    }

    func testMissingTextIsBuiltFromTheOtherFields() throws {
        let input = try normalizeForm(#"{"subject": "Bankje kapot", "locatie": "Speeltuin Hoornes", "aantal": 2}"#)
        XCTAssertEqual(input.message.text, "locatie: Speeltuin Hoornes\naantal: 2")
        XCTAssertEqual(input.field("locatie"), .string("Speeltuin Hoornes"))
    }

    func testTextLineBreaksAndControlCharactersAreCleaned() throws {
        let input = try normalizeForm(#"{"text": "  Regel een\r\nRegel twee\rRegel drie\u0000  "}"#)
        XCTAssertEqual(input.message.text, "Regel een\nRegel twee\nRegel drie")
    }

    func testInvalidBase64NamesTheField() {
        let json = """
            {"text": "Foto", "attachments": [{"filename": "a.txt", "content": "aGFsbG8="},
             {"filename": "b.jpg", "contentType": "image/jpeg", "content": "/9j/4AAQ$$"}]}
            """
        assertThrows(.invalidBase64(field: "attachments[1].content")) {
            try FormNormalizer.normalize(utf8(json), source: testSource)
        }
        assertThrowsDescription("field 'attachments[1].content' is not valid base64") {
            try FormNormalizer.normalize(utf8(json), source: testSource)
        }
    }

    func testAttachmentErrors() {
        assertThrowsDescription("field 'attachments[0].content' is missing") {
            try FormNormalizer.normalize(utf8(#"{"text": "x", "attachments": [{"filename": "a.pdf"}]}"#), source: testSource)
        }
        assertThrowsDescription("field 'attachments' must be an array of {filename, contentType, content}") {
            try FormNormalizer.normalize(utf8(#"{"text": "x", "attachments": "a.pdf"}"#), source: testSource)
        }
        assertThrowsDescription("field 'attachments[0]' must be an object") {
            try FormNormalizer.normalize(utf8(#"{"text": "x", "attachments": [3]}"#), source: testSource)
        }
    }

    func testAttachmentNamesAreMadeSafeAndTypesGuessed() throws {
        let input = try normalizeForm("""
            {"text": "Bijlagen", "attachments": [
              {"filename": "../../etc/passwd", "content": "cm9vdA=="},
              {"filename": ".verborgen.docx", "content": ""},
              {"filename": "C:\\\\Users\\\\jan\\\\scan.PDF", "content": "JVBERg"},
              {"content": "AA=="}]}
            """)
        XCTAssertEqual(input.attachments.map(\.filename), ["passwd", "verborgen.docx", "scan.PDF", "attachment"])
        XCTAssertEqual(input.attachments.map(\.contentType), [
            "application/octet-stream",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/pdf", "application/octet-stream",
        ])
        XCTAssertEqual(input.attachments[0].data, utf8("root"))
        XCTAssertEqual(input.attachments[2].data, utf8("%PDF"))
    }

    func testEmptyTextIsRejected() {
        assertThrows(.emptyText) { try FormNormalizer.normalize(utf8(#"{"text": "  \n ", "subject": ""}"#), source: testSource) }
        assertThrows(.emptyText) { try FormNormalizer.normalize(utf8("{}"), source: testSource) }
        assertThrows(.emptyText) { try FormNormalizer.normalize(utf8(#"{"name": "Jan", "email": "jan@example.nl"}"#), source: testSource) }
    }

    func testSubjectOrAttachmentAloneIsEnough() throws {
        XCTAssertEqual(try normalizeForm(#"{"subject": "Grofvuil"}"#).message.text, "")
        let input = try normalizeForm(#"{"attachments": [{"filename": "foto.jpg", "content": "/9j/"}]}"#)
        XCTAssertEqual(input.attachments.count, 1)
        XCTAssertEqual(input.attachments[0].contentType, "image/jpeg")
    }

    func testInvalidUTF8IsRepaired() throws {
        var bytes = utf8(#"{"text": "Caf"#)
        bytes += [0xE9, 0xFF]
        bytes += utf8(#" overlast"}"#)
        let input = try FormNormalizer.normalize(bytes, source: testSource)
        XCTAssertEqual(input.message.text, "Caf\u{FFFD}\u{FFFD} overlast")
    }

    func testContractFieldsMustHoldText() {
        assertThrowsDescription("field 'text' must be a string") {
            try FormNormalizer.normalize(utf8(#"{"text": ["Lamp", "kapot"]}"#), source: testSource)
        }
        assertThrowsDescription("field 'houseNumber' must be a string") {
            try FormNormalizer.normalize(utf8(#"{"text": "Lamp kapot", "houseNumber": {"nr": 3}}"#), source: testSource)
        }
        XCTAssertNoThrow(try FormNormalizer.normalize(utf8(#"{"text": "Lamp kapot", "street": null}"#), source: testSource))
    }

    func testTopLevelMustBeAnObject() {
        assertThrowsDescription("form JSON must be an object") {
            try FormNormalizer.normalize(utf8(#"["text"]"#), source: testSource)
        }
    }

    func testNormalizedMessageRoundTripsThroughMessageJSON() throws {
        let input = try FormNormalizer.normalize(try fixture("flat-form.json"), source: testSource)
        let decoded = try MessageJSON.decode(MessageJSON.encode(input.message))
        XCTAssertEqual(decoded, input.message)
    }
}
