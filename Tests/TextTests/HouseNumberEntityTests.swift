import XCTest
@testable import Text

final class HouseNumberEntityTests: XCTestCase {
    func testAfterAStreetWord() {
        assertHouseNumbers("Dorpsstraat 12", [("12", "Dorpsstraat", "12")])
        assertHouseNumbers("Ik woon aan de Rijnsburgerweg 7 in Leiden", [("7", "Rijnsburgerweg", "7")])
        assertHouseNumbers("het Stationsplein 1.", [("1", "Stationsplein", "1")])
        assertHouseNumbers("Boulevard 23 Katwijk", [("23", "Boulevard", "23")])
        assertHouseNumbers("de Markt 3 en het Rijnhof 8", [("3", "Markt", "3"), ("8", "Rijnhof", "8")])
        assertHouseNumbers("ik woon op de dorpsstraat 3", [("3", "dorpsstraat", "3")])
        assertHouseNumbers("Nieuwe Zijds Voorburgwal 147", [("147", "Nieuwe Zijds Voorburgwal", "147")])
    }

    func testStreetNameRunsBackOverNameWordsAndParticles() {
        assertHouseNumbers("Ik woon aan de Burgemeester van der Werffstraat 4 in Katwijk",
                           [("4", "Burgemeester van der Werffstraat", "4")])
        assertHouseNumbers("Op de hoek van de Dorpsstraat 12a", [("12A", "Dorpsstraat", "12a")])
        assertHouseNumbers("Adres: Prins Hendrikkade 99", [("99", "Prins Hendrikkade", "99")])
        assertHouseNumbers("De Dorpsstraat 5 is afgesloten", [("5", "Dorpsstraat", "5")])
        assertHouseNumbers("Bij Zeeweg 5 ligt glas", [("5", "Zeeweg", "5")])
        assertHouseNumbers("Laan van Meerdervoort 12", [("12", "Laan van Meerdervoort", "12")])
        assertHouseNumbers("Hoofdstraat Noord 3", [("3", "Hoofdstraat Noord", "3")])
        assertHouseNumbers("hoek Kerkstraat en Voorstraat 5", [("5", "Voorstraat", "5")])
        assertHouseNumbers("Ik woon op de Dorpsstraat. Jan 3 jaar", [])
    }

    func testSuffixForms() {
        assertHouseNumbers("Dorpsstraat 12A", [("12A", "Dorpsstraat", "12A")])
        assertHouseNumbers("Dorpsstraat 12 a, Katwijk", [("12A", "Dorpsstraat", "12 a")])
        assertHouseNumbers("Hoofdweg 12-2", [("12-2", "Hoofdweg", "12-2")])
        assertHouseNumbers("Prinsengracht 263-II", [("263-II", "Prinsengracht", "263-II")])
        assertHouseNumbers("Prinsengracht 263-ii", [("263-II", "Prinsengracht", "263-ii")])
        assertHouseNumbers("Prinsengracht 263 III", [("263-III", "Prinsengracht", "263 III")])
        assertHouseNumbers("Kerkstraat 7bis", [("7-BIS", "Kerkstraat", "7bis")])
        assertHouseNumbers("Kerkstraat 7 hs", [("7-HS", "Kerkstraat", "7 hs")])
        assertHouseNumbers("Kerkstraat 7-huis", [("7-HUIS", "Kerkstraat", "7-huis")])
        assertHouseNumbers("Kerkstraat 7huis", [("7-HUIS", "Kerkstraat", "7huis")])
        assertHouseNumbers("Kerkstraat 7a-1", [("7A-1", "Kerkstraat", "7a-1")])
        assertHouseNumbers("Kerkstraat 7-a.", [("7-A", "Kerkstraat", "7-a")])
    }

    func testSuffixThatIsNoSuffix() {
        assertHouseNumbers("Dorpsstraat 12 en 14", [("12", "Dorpsstraat", "12")])
        assertHouseNumbers("Dorpsstraat 12 u weet wel", [("12", "Dorpsstraat", "12")])
        assertHouseNumbers("Dorpsstraat 12 e.d.", [("12", "Dorpsstraat", "12")])
        assertHouseNumbers("Kerkstraat 5 t/m 11", [("5", "Kerkstraat", "5")])
        assertHouseNumbers("Dorpsstraat 12abc", [])
        assertHouseNumbers("Dorpsstraat 12-12345", [])
        assertHouseNumbers("Dorpsstraat 123456", [])
        assertHouseNumbers("Dorpsstraat 012", [])
        assertHouseNumbers("Dorpsstraat 12,5 meter", [])
    }

    func testAfterKeywords() {
        assertHouseNumbers("huisnummer 14", [("14", nil, "14")])
        assertHouseNumbers("Huisnummer: 14b", [("14B", nil, "14b")])
        assertHouseNumbers("nr. 3", [("3", nil, "3")])
        assertHouseNumbers("nr.3", [("3", nil, "3")])
        assertHouseNumbers("Nr 3-hs", [("3-HS", nil, "3-hs")])
        assertHouseNumbers("nummer 21", [("21", nil, "21")])
        assertHouseNumbers("Dorpsstraat nr. 5", [("5", "Dorpsstraat", "5")])
        assertHouseNumbers("klantnummer 12345", [])
        assertHouseNumbers("nr 0612345678", [])
    }

    func testAroundAPostcode() {
        assertHouseNumbers("12b, 2221 AB Katwijk", [("12B", nil, "12b")])
        assertHouseNumbers("Nieuwe Rijn 5, 2312 JB Leiden", [("5", "Nieuwe Rijn", "5")])
        assertHouseNumbers("adres 17\n2221 AB Katwijk", [("17", nil, "17")])
        assertHouseNumbers("2221AB 14", [("14", nil, "14")])
        assertHouseNumbers("2221 AB, 14-2", [("14-2", nil, "14-2")])
        assertHouseNumbers("Dorpsstraat 12a, 2221 AB Katwijk", [("12A", "Dorpsstraat", "12a")])
    }

    func testNumbersThatAreNoHouseNumbers() {
        assertHouseNumbers("Ik heb 12 lantaarnpalen geteld", [])
        assertHouseNumbers("de vergadering 3 maart", [])
        assertHouseNumbers("ik ben weg 12 dagen", [])
        assertHouseNumbers("Postbus 1234, 2200 AB Noordwijk", [])
        assertHouseNumbers("in 2019 en 2020", [])
        assertHouseNumbers("", [])
        assertPostcodes("Postbus 1234, 2200 AB Noordwijk", [("2200AB", "2200 AB")])
    }
}
