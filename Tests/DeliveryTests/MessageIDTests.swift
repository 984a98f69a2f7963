import Delivery
import XCTest

/// Message IDs are a contract: the journal's dedupe index holds them, so one input must get the
/// same ID from every version.
final class MessageIDTests: XCTestCase {
    func testIDsAreTheBase32OfTheSourceAndIdentityHash() {
        // Lower-case base32 of the first 16 bytes of SHA-256("SOURCE\0IDENTITY").
        XCTAssertEqual(MessageID.make(source: "kcc-mail", identity: Array("msg_p5jXN8AQM9LWM0D4loKWxJek".utf8)),
                       "knp3v5qoqunaukkqmyffziyux4")
        XCTAssertEqual(MessageID.make(source: "web", identity: []), "4ild7vmi66mtyvpds3wxa7cnsa")
    }

    func testIDsAreValidQueueFileNames() {
        for index in 0..<200 {
            let id = MessageID.make(source: "s\(index)", identity: Array(repeating: UInt8(index), count: index))
            XCTAssertEqual(id.utf8.count, 26)
            XCTAssertTrue(QueueDirectory.isValid(id: id), id)
        }
    }
}
