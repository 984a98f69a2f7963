import XCTest
import Mail

final class HTMLTextTests: XCTestCase {
    func testBlockElementsBecomeLineBreaksAndWhiteSpaceCollapses() {
        let html = """
            <html><head><title>Melding</title><style>p { color: red }</style></head>
            <body><h1>Kapotte   lantaarnpaal</h1><p>De lamp   brandt
            niet.</p><div>Graag  snel</div>herstel.<br>Groet,<br/>Jan
            <ul><li>een</li><li>twee</li></ul></body></html>
            """
        XCTAssertEqual(HTMLText.plainText(fromHTML: html), """
            Kapotte lantaarnpaal

            De lamp brandt niet.

            Graag snel
            herstel.
            Groet,
            Jan

            een
            twee
            """)
    }

    func testScriptStyleAndCommentsAreDropped() {
        let html = "a<script type=\"x\">var s = '<p>no</p>';</script>b<!-- <p>hidden</p> -->c<STYLE>x{}</STYLE>d"
        XCTAssertEqual(HTMLText.plainText(fromHTML: html), "abcd")
    }

    func testEntities() {
        let html = "&lt;tag&gt; &amp; &quot;q&quot; &#233;&#xE9;&#X20AC; caf&eacute; &euro;5&nbsp;m&sup2; &bogus; &amp &#0; &#128;"
        XCTAssertEqual(HTMLText.plainText(fromHTML: html), "<tag> & \"q\" éé€ café €5 m² &bogus; & \u{FFFD} €")
    }

    func testTablesAndAttributesWithAngleBrackets() {
        let html = "<table><tr><td>Naam</td><td>Jan</td></tr><tr><td title=\"a>b\">Postcode</td><td>2221AB</td></tr></table>"
        XCTAssertEqual(HTMLText.plainText(fromHTML: html), "Naam Jan\nPostcode 2221AB")
    }

    func testPreservesPreformattedText() {
        XCTAssertEqual(HTMLText.plainText(fromHTML: "<pre>a  b\nc</pre>d"), "a  b\nc\n\nd")
    }

    func testBrokenMarkupDoesNotLoseText() {
        XCTAssertEqual(HTMLText.plainText(fromHTML: "3 < 4 and 5 > 4"), "3 < 4 and 5 > 4")
        XCTAssertEqual(HTMLText.plainText(fromHTML: "text <b>bold"), "text bold")
        XCTAssertEqual(HTMLText.plainText(fromHTML: "before<script>never closed"), "before")
        XCTAssertEqual(HTMLText.plainText(fromHTML: ""), "")
    }
}
