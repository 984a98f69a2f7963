@testable import Intake
import XCTest

final class HTTPResponseTests: XCTestCase {
    func testSerializedResponseHasCanonicalNamesLengthAndConnection() {
        let response = HTTPResponse.json(202, #"{"id":"x"}"#, headers: [HTTPField("retry-after", "5"), HTTPField("x-api-KEY", "k")])
        XCTAssertEqual(String(decoding: response.serialized(keepAlive: true), as: UTF8.self),
                       "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nRetry-After: 5\r\nX-Api-Key: k\r\n"
                       + "Content-Length: 11\r\n\r\n{\"id\":\"x\"}\n")
        let closing = HTTPResponse(status: 599)
        XCTAssertEqual(String(decoding: closing.serialized(keepAlive: false), as: UTF8.self),
                       "HTTP/1.1 599 Status 599\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    }

    func testCanonicalFieldNames() {
        XCTAssertEqual(HTTPResponse.canonical("content-type"), "Content-Type")
        XCTAssertEqual(HTTPResponse.canonical("www-authenticate"), "Www-Authenticate")
        XCTAssertEqual(HTTPResponse.canonical("-x--y"), "-X--Y")
        XCTAssertEqual(HTTPResponse.canonical(""), "")
    }
}
