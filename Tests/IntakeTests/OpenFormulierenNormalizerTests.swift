import XCTest
@testable import Intake
import Messages

final class OpenFormulierenNormalizerTests: XCTestCase {
    func testRegistrationFixture() throws {
        let input = try FormNormalizer.normalize(try fixture("open-formulieren.json"), source: testSource)
        let message = input.message
        XCTAssertEqual(message.channel, .form)
        XCTAssertEqual(message.channelData["format"], .string("open-formulieren"))
        XCTAssertEqual(message.subject, "Losliggende stoeptegels")
        XCTAssertTrue(message.text.hasPrefix("Op de stoep liggen al weken"))
        XCTAssertFalse(message.text.contains("111222333"))
        XCTAssertEqual(message.sender, Sender(name: "Henk van den Berg", email: "henk.vandenberg@example.nl", phone: "071 555 1234"))
        XCTAssertEqual(message.location, Location(postcode: "2231BC", houseNumber: "7A", street: "Kerkstraat", place: "Rijnsburg"))
        XCTAssertEqual(input.attachments.map(\.filename), ["stoeptegels.png"])
        XCTAssertEqual(input.attachments.first?.contentType, "image/png")
        // `locatieOmschrijving` is a description too, so it joins the text.
        XCTAssertTrue(message.text.hasSuffix("bijna over gevallen.\n\nVoor de bakkerij, naast het fietsenrek"))
        XCTAssertEqual(input.fieldKeys, ["auth_bsn", "datumConstatering", "terugkoppeling"])
        XCTAssertEqual(input.field("datumConstatering"), .object([
            "title": .string("Wanneer heeft u het gezien?"), "value": .string("2025-11-27"),
        ]))
        XCTAssertEqual(input.field("terugkoppeling"), .object([
            "title": .string("Wilt u een terugkoppeling ontvangen?"), "value": .bool(true),
        ]))
        guard case .object(let metadata)? = message.channelData["metadata"] else {
            return XCTFail("no metadata")
        }
        XCTAssertEqual(metadata["public_reference"], .string("OF-7QX3KD"))
        XCTAssertEqual(metadata["auth_type"], .string("bsn"))
    }

    func testPayloadInsideDataWithoutTextBuildsTextFromTitledFields() throws {
        let input = try normalizeForm("""
            {"data": {
              "values": {"now": "2025-11-28T10:00:00+01:00", "auth_bsn": "111222333", "soortMelding": "Straatverlichting",
                         "paalnummer": "KW-0412", "wanneer": "2025-11-26", "gevaarlijk": false,
                         "kenmerken": {"knippert": true, "uit": false, "beschadigd": true},
                         "ref": "5b3a2c1e-0000-4000-8000-000000000000"},
              "values_schema": {"type": "object", "properties": {
                 "auth_bsn": {"title": "BSN", "type": "string", "format": "nl-bsn"},
                 "soortMelding": {"title": "Soort melding", "type": "string"},
                 "paalnummer": {"title": "Nummer op de paal", "type": "string"},
                 "wanneer": {"title": "Sinds wanneer?", "type": "string", "format": "date"},
                 "gevaarlijk": {"title": "Is de situatie gevaarlijk?", "type": "boolean"},
                 "kenmerken": {"title": "Wat ziet u?", "type": "object"},
                 "ref": {"title": "Referentie", "type": "string", "format": "uuid"}}},
              "metadata": {}, "metadata_schema": {}}}
            """)
        XCTAssertEqual(input.message.text, """
            Soort melding: Straatverlichting
            Nummer op de paal: KW-0412
            Sinds wanneer?: 2025-11-26
            Is de situatie gevaarlijk?: nee
            Wat ziet u?: knippert, beschadigd
            """)
        XCTAssertNil(input.message.channelData["metadata"])
        XCTAssertEqual(input.fieldKeys.count, 8)
    }

    func testTitlesNameFieldsWhenKeysSayNothing() throws {
        let input = try normalizeForm("""
            {"values": {"textfield1": "Ayse Yilmaz", "textarea1": "Mijn rolstoel moet worden aangepast.",
                        "textfield2": "ayse@example.nl", "number1": 41, "textfield3": "2224 cd", "phoneNumber1": "06 9876 5432"},
             "values_schema": {"properties": {
                "textfield1": {"title": "Uw naam", "type": "string"},
                "textarea1": {"title": "Wat is uw vraag?", "type": "string"},
                "textfield2": {"title": "Uw e-mail adres", "type": "string"},
                "number1": {"title": "Huis nummer", "type": "number"},
                "textfield3": {"title": "Postcode (optioneel)", "type": "string"},
                "phoneNumber1": {"title": "Telefoon (mobiel)", "type": "string"}}}}
            """)
        XCTAssertEqual(input.message.sender, Sender(name: "Ayse Yilmaz", email: "ayse@example.nl", phone: "06 9876 5432"))
        XCTAssertEqual(input.message.text, "Mijn rolstoel moet worden aangepast.")
        XCTAssertEqual(input.message.location, Location(postcode: "2224CD", houseNumber: "41"))
        XCTAssertEqual(input.fieldKeys, [])
    }

    func testNestedDutchAddressObject() throws {
        let input = try normalizeForm("""
            {"values": {"melding": "Gat in het fietspad",
                        "adres": {"postcode": "2223 AA", "huisnummer": 5, "huisnummertoevoeging": "bis",
                                  "straatnaam": "Rijnstraat", "woonplaats": "Katwijk", "opmerking": null}}}
            """)
        XCTAssertEqual(input.message.location, Location(postcode: "2223AA", houseNumber: "5-bis", street: "Rijnstraat", place: "Katwijk"))
        XCTAssertEqual(input.message.text, "Gat in het fietspad")
        XCTAssertEqual(input.fieldKeys, [])
    }

    func testShallowerValueWinsOverNestedOne() throws {
        let input = try normalizeForm("""
            {"values": {"partner": {"naam": "Kees de Wit", "relatie": "echtgenoot"}, "naam": "Anna de Wit",
                        "vraag": "Mijn man heeft een scootmobiel nodig."}}
            """)
        XCTAssertEqual(input.message.sender.name, "Anna de Wit")
        XCTAssertEqual(input.field("partner.naam"), .object(["value": .string("Kees de Wit")]))
        XCTAssertEqual(input.field("partner.relatie"), .object(["value": .string("echtgenoot")]))
    }

    func testNamePartsAreCombinedOnlyWithoutAFullName() throws {
        let combined = try normalizeForm(#"{"values": {"voornaam": "Jan", "achternaam": "Vos", "bericht": "Hallo"}}"#)
        XCTAssertEqual(combined.message.sender.name, "Jan Vos")
        let full = try normalizeForm(#"{"values": {"naam": "J. Vos", "voornaam": "Jan", "bericht": "Hallo"}}"#)
        XCTAssertEqual(full.message.sender.name, "J. Vos")
        XCTAssertEqual(full.fieldKeys, ["voornaam"])
    }

    func testWeakWordsDoNotMatchAsPartOfAKeyOrTitle() throws {
        let input = try normalizeForm("""
            {"values": {"datumMelding": "2025-11-01", "typeMelding": "Overlast", "omschrijving": "Harde muziek",
                        "melderEmail": "melder@example.nl"},
             "values_schema": {"properties": {"typeMelding": {"title": "Soort melding"}}}}
            """)
        XCTAssertEqual(input.message.text, "Harde muziek")
        XCTAssertEqual(input.message.sender.email, "melder@example.nl")
        XCTAssertEqual(input.fieldKeys, ["datumMelding", "typeMelding"])
    }

    func testAllTextFieldsAreKeptInOrder() throws {
        let input = try normalizeForm(#"{"values": {"omschrijving": "Eerste deel.", "toelichting": "Tweede deel."}}"#)
        XCTAssertEqual(input.message.text, "Eerste deel.\n\nTweede deel.")
    }

    func testAliasesApplyToTitlesAndKeys() throws {
        let json = """
            {"values": {"q1": "De stoep is verzakt.", "dorp": "Valkenburg"},
             "values_schema": {"properties": {"q1": {"title": "Wat wilt u aan ons doorgeven?"}}}}
            """
        let plain = try normalizeForm(json)
        XCTAssertEqual(plain.message.text, "Wat wilt u aan ons doorgeven?: De stoep is verzakt.\ndorp: Valkenburg")
        let aliases = FieldAliases(["text": ["Wat wilt u aan ons doorgeven"], "place": ["dorp"]])
        let aliased = try normalizeForm(json, aliases: aliases)
        XCTAssertEqual(aliased.message.text, "De stoep is verzakt.")
        XCTAssertEqual(aliased.message.location.place, "Valkenburg")
    }

    func testFormBuilderFileUploadsWithDataURLs() throws {
        let input = try normalizeForm("""
            {"values": {"vraag": "Zie foto", "bijlagen": [
              {"name": "foto-1a2b.jpg", "originalName": "IMG_2041.jpg", "size": 3, "storage": "base64",
               "type": "image/jpeg", "url": "data:image/jpeg;base64,/9j/"},
              {"name": "aanvraag-9f8e.pdf", "originalName": "aanvraag.pdf", "size": 12345, "storage": "url",
               "type": "application/pdf", "url": "https://formulieren.example.nl/api/v2/submissions/files/9f8e"}]},
             "values_schema": {"properties": {"bijlagen": {"title": "Bijlagen", "type": "array"}}}}
            """)
        XCTAssertEqual(input.attachments, [DecodedAttachment(filename: "IMG_2041.jpg", contentType: "image/jpeg", data: [0xFF, 0xD8, 0xFF])])
        guard case .object(let kept)? = input.field("bijlagen"), case .array(let links)? = kept["value"] else {
            return XCTFail("link not kept")
        }
        XCTAssertEqual(links.count, 1)
        XCTAssertEqual(kept["title"], .string("Bijlagen"))
    }

    func testSingleFileObjectAndPlainDataURL() throws {
        let input = try normalizeForm("""
            {"values": {"vraag": "Zie bijlage", "bijlage": {"file_name": "notitie.txt", "content": "data:text/plain,Hallo%20daar"}}}
            """)
        XCTAssertEqual(input.attachments.first?.data, utf8("Hallo daar"))
        XCTAssertEqual(input.attachments.first?.contentType, "text/plain")
        XCTAssertEqual(input.fieldKeys, [])
    }

    func testBadBase64InAnUploadNamesTheField() {
        assertThrowsDescription("field 'values.bijlage[0].content' is not valid base64") {
            try FormNormalizer.normalize(utf8("""
                {"values": {"vraag": "x", "bijlage": [{"file_name": "a.pdf", "content": "JVBERi0%%%"}]}}
                """), source: testSource)
        }
        assertThrowsDescription("field 'values.foto.url' is not valid base64") {
            try FormNormalizer.normalize(utf8("""
                {"values": {"vraag": "x", "foto": {"name": "a.png", "url": "data:image/png;base64,iVBOR*w0"}}}
                """), source: testSource)
        }
    }

    func testDoubleEncodedPayloadAndLegacySchemaKey() throws {
        let inner = #"{"values": {"f1": "Mijn ID-kaart is gestolen."}, "schema": {"properties": {"f1": {"title": "Toelichting"}}}}"#
        let outer = "\"" + inner.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let input = try normalizeForm(outer)
        XCTAssertEqual(input.message.text, "Mijn ID-kaart is gestolen.")
        XCTAssertEqual(input.message.channelData["format"], .string("open-formulieren"))
    }
}
