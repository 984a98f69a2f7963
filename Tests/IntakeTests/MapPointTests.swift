import XCTest
@testable import Intake
import Messages

/// The map point of a form or webhook post: `lat`/`lon`, `coordinates`, and the Open
/// Formulieren map and address components.
final class MapPointTests: XCTestCase {
    private let katwijk = Coordinates(lat: 52.2024, lon: 4.4046)

    func testLatitudeAndLongitudeFieldsOfAFlatForm() throws {
        for json in [
            #"{"text": "Lamp kapot", "lat": 52.2024, "lon": 4.4046}"#,
            #"{"text": "Lamp kapot", "latitude": "52.2024", "longitude": "4.4046"}"#,
            #"{"text": "Lamp kapot", "lng": 4.4046, "lat": 52.2024}"#,
            #"{"text": "Lamp kapot", "coordinates": [4.4046, 52.2024]}"#,
            #"{"text": "Lamp kapot", "coordinates": [52.2024, 4.4046]}"#,
            #"{"text": "Lamp kapot", "coordinates": "52.2024, 4.4046"}"#,
            #"{"text": "Lamp kapot", "locatie": {"lat": 52.2024, "lng": 4.4046}}"#,
        ] {
            XCTAssertEqual(try normalizeForm(json).message.location.coordinates, katwijk, json)
        }
    }

    func testTheOpenFormulierenMapComponent() throws {
        // Open Formulieren 2.x posts a GeoJSON geometry; older releases a [lat, lng] pair.
        let geometry = try normalizeForm("""
            {"values": {"melding": "Losse stoeptegel",
                        "locatieOpKaart": {"type": "Point", "coordinates": [4.4046, 52.2024]}}}
            """)
        XCTAssertEqual(geometry.message.location.coordinates, katwijk)
        let pair = try normalizeForm(#"{"values": {"melding": "Losse stoeptegel", "kaart": [52.2024, 4.4046]}}"#)
        XCTAssertEqual(pair.message.location.coordinates, katwijk)
    }

    func testTheAddressComponentFillsTheAddressWithoutAPoint() throws {
        let input = try normalizeForm("""
            {"values": {"melding": "Gat in de weg",
                        "addressNL": {"postcode": "2221 AB", "houseNumber": "12", "streetName": "Voorstraat", "city": "Katwijk"}}}
            """)
        XCTAssertEqual(input.message.location, Location(postcode: "2221AB", houseNumber: "12", street: "Voorstraat", place: "Katwijk"))
    }

    func testNoPointOrANonsensePointGivesNone() throws {
        for json in [
            #"{"text": "Lamp kapot"}"#,
            #"{"text": "Lamp kapot", "lat": 152.2, "lon": 4.4}"#,
            #"{"text": "Lamp kapot", "lat": "noord", "lon": 4.4}"#,
            #"{"text": "Lamp kapot", "coordinates": [1, 2, 3, 4]}"#,
            #"{"text": "Lamp kapot", "locatie": "12 14"}"#,
            #"{"text": "Lamp kapot", "locatie": "Dorpsstraat 12"}"#,
        ] {
            XCTAssertNil(try normalizeForm(json).message.location.coordinates, json)
        }
    }
}
