import XCTest
@testable import Text

final class EmailEntityTests: XCTestCase {
    func testAddressesInProse() {
        assertEmails("mail naar j.jansen@katwijk.nl.", ["j.jansen@katwijk.nl"])
        assertEmails("<info+kcc@gemeente-katwijk.nl>", ["info+kcc@gemeente-katwijk.nl"])
        assertEmails("(p_de_vries@mail.example.co.uk)", ["p_de_vries@mail.example.co.uk"])
        assertEmails("'jan@x.nl'", ["jan@x.nl"])
        assertEmails("mailto:Jan.Jansen@Example.NL?subject=x", ["Jan.Jansen@Example.NL"])
        assertEmails("a@b.nl, c@d.com", ["a@b.nl", "c@d.com"])
        assertEmails("o'brien@example.ie", ["o'brien@example.ie"])
    }

    func testNotAddresses() {
        assertEmails("jan@localhost", [])
        assertEmails("jan@@katwijk.nl", [])
        assertEmails("jan..jansen@katwijk.nl", [])
        assertEmails("jansen.@katwijk.nl", [])
        assertEmails("@katwijk.nl", [])
        assertEmails("jan@-katwijk.nl", [])
        assertEmails("jan@katwijk-.nl", [])
        assertEmails("jan@katwijk.n1", [])
        assertEmails("jan@katwijk.n", [])
        assertEmails("ik ben @ huis", [])
        assertEmails("prijs: 3 @ €5", [])
    }

    func testNonASCIIAddressesAreNotCutShort() {
        assertEmails("andré.jansen@katwijk.nl", [])
        assertEmails("jan@café.nl", [])
        assertEmails("jan@katwijk.nlé", [])
    }

    func testOverlongLocalPartIsRejected() {
        assertEmails(String(repeating: "a", count: 65) + "@katwijk.nl", [])
        let longest = String(repeating: "a", count: 64) + "@katwijk.nl"
        assertEmails(longest, [longest])
    }
}
