import Foundation
import Hashing
import XCTest

final class DigestTests: XCTestCase {
    func testSHA256KnownVectors() {
        XCTAssertEqual(
            Digest.sha256Hex(Array("abc".utf8)),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            Digest.sha256Hex([]),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(Digest.sha256("abc".utf8), Digest.sha256(Array("abc".utf8)))
        XCTAssertEqual(Digest.sha256([0x61]).count, 32)
    }

    func testSHA256OfMillionAs() {
        let input = [UInt8](repeating: 0x61, count: 1_000_000)
        XCTAssertEqual(
            Digest.sha256Hex(input),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testHMACRFC4231TestCase1() {
        let key = [UInt8](repeating: 0x0b, count: 20)
        assertHMAC(
            key: key, message: Array("Hi There".utf8),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    func testHMACRFC4231TestCase2() {
        assertHMAC(
            key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    func testHMACRFC4231TestCase6LongKey() {
        let key = [UInt8](repeating: 0xaa, count: 131)
        assertHMAC(
            key: key, message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    func testHMACWithEmptyKeyAndMessage() {
        // HMAC-SHA256("", "") — a well-known value.
        assertHMAC(key: [], message: [], "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    func testHMACFromManyThreadsAgrees() {
        let expected = Digest.hex(Digest.hmacSHA256(key: Array("key".utf8), message: Array("message".utf8)))
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<500 {
                XCTAssertEqual(Digest.hex(Digest.hmacSHA256(key: Array("key".utf8), message: Array("message".utf8))), expected)
            }
        }
    }

    func testStandardWebhooksSignature() throws {
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        let key = try XCTUnwrap(Data(base64Encoded: String(secret.dropFirst("whsec_".count))))
        let content = "msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{\"test\": 2432232314}"
        let mac = Digest.hmacSHA256(key: Array(key), message: Array(content.utf8))
        XCTAssertEqual(Data(mac).base64EncodedString(), "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    func testConstantTimeEqual() {
        let a: [UInt8] = [1, 2, 3, 4]
        XCTAssertTrue(Digest.constantTimeEqual(a, [1, 2, 3, 4]))
        XCTAssertFalse(Digest.constantTimeEqual(a, [1, 2, 3, 5]))
        XCTAssertFalse(Digest.constantTimeEqual(a, [9, 2, 3, 4]))
        XCTAssertFalse(Digest.constantTimeEqual(a, [1, 2, 3]))
        XCTAssertFalse(Digest.constantTimeEqual(a, []))
        XCTAssertTrue(Digest.constantTimeEqual([], []))
    }

    func testHex() {
        XCTAssertEqual(Digest.hex([0x00, 0x0f, 0xa0, 0xff]), "000fa0ff")
        XCTAssertEqual(Digest.hex([]), "")
    }

    private func assertHMAC(
        key: [UInt8], message: [UInt8], _ expectedHex: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(
            Digest.hex(Digest.hmacSHA256(key: key, message: message)), expectedHex, file: file, line: line)
    }
}
