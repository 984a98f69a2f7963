import XCTest
import Mail

final class ReplySplitterTests: XCTestCase {
    func testDutchAttributionAndQuotedLines() {
        let parts = ReplySplitter.split("""
            De lantaarnpaal is nog steeds kapot.

            Met vriendelijke groet,
            Piet

            Op 12 mrt. 2026 om 10:15 schreef Jan <jan@x.nl>:
            > Wij hebben uw melding ontvangen.
            > Groet, gemeente
            """)
        XCTAssertEqual(parts.mainText, "De lantaarnpaal is nog steeds kapot.\n\nMet vriendelijke groet,\nPiet")
        XCTAssertEqual(parts.quotedHistory, """
            Op 12 mrt. 2026 om 10:15 schreef Jan <jan@x.nl>:
            > Wij hebben uw melding ontvangen.
            > Groet, gemeente
            """)
        XCTAssertNil(parts.signature)
    }

    func testWrappedAttributionLine() {
        let parts = ReplySplitter.split("Dank!\n\nOp wo 12 mrt 2026 om 10:15 schreef Gemeente Klantcontact <\nkcc@gemeente.nl>:\n\n> tekst")
        XCTAssertEqual(parts.mainText, "Dank!")
        XCTAssertTrue(parts.quotedHistory?.hasPrefix("Op wo 12 mrt") == true)
    }

    func testEnglishAttribution() {
        let parts = ReplySplitter.split("Thanks.\n\nOn Tue, Mar 10, 2026 at 9:00 AM Jan <jan@x.nl> wrote:\n> hi")
        XCTAssertEqual(parts.mainText, "Thanks.")
        XCTAssertEqual(parts.quotedHistory, "On Tue, Mar 10, 2026 at 9:00 AM Jan <jan@x.nl> wrote:\n> hi")
    }

    func testOutlookHeaderBlock() {
        let parts = ReplySplitter.split("""
            Zie onderstaande melding.

            ________________________________
            Van: Gemeente <info@gemeente.nl>
            Verzonden: dinsdag 10 maart 2026 09:00
            Aan: Jan
            Onderwerp: Melding

            Oude tekst
            """)
        XCTAssertEqual(parts.mainText, "Zie onderstaande melding.")
        XCTAssertTrue(parts.quotedHistory?.hasPrefix("________________________________\nVan: Gemeente") == true)
        let english = ReplySplitter.split("Reply\n\nFrom: A <a@x.nl>\nSent: Monday\nTo: B\n\nold")
        XCTAssertEqual(english.mainText, "Reply")
        XCTAssertEqual(english.quotedHistory, "From: A <a@x.nl>\nSent: Monday\nTo: B\n\nold")
    }

    func testOriginalMessageSeparators() {
        XCTAssertEqual(ReplySplitter.split("Nieuw\n-----Oorspronkelijk bericht-----\nVan: x").mainText, "Nieuw")
        XCTAssertEqual(ReplySplitter.split("New\n-----Original Message-----\nFrom: x").quotedHistory,
                       "-----Original Message-----\nFrom: x")
    }

    func testSignatureDelimiterAndDeviceLines() {
        let delimited = ReplySplitter.split("Graag een nieuwe container.\n\n-- \nJan Jansen\nStraat 1")
        XCTAssertEqual(delimited.mainText, "Graag een nieuwe container.")
        XCTAssertEqual(delimited.signature, "Jan Jansen\nStraat 1")
        let device = ReplySplitter.split("Afval niet opgehaald.\n\nVerzonden vanaf mijn iPhone")
        XCTAssertEqual(device.mainText, "Afval niet opgehaald.")
        XCTAssertEqual(device.signature, "Verzonden vanaf mijn iPhone")
        XCTAssertEqual(ReplySplitter.split("Hi\n\nSent from my iPhone\n\nOn 1 Jan 2026, at 10:00, A <a@b.c> wrote:\n> x").signature,
                       "Sent from my iPhone")
    }

    func testDutchClosingsAreNotCut() {
        let text = "Het riool stinkt.\n\nMet vriendelijke groet,\nJan de Vries"
        let parts = ReplySplitter.split(text)
        XCTAssertEqual(parts.mainText, text)
        XCTAssertNil(parts.signature)
        XCTAssertNil(parts.quotedHistory)
    }

    func testAttributionNeedsADateOrAddress() {
        let text = "Mijn buurman schreef:\nhet is kapot"
        XCTAssertEqual(ReplySplitter.split(text).mainText, text)
    }
}
