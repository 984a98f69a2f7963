import Foundation
import Hashing
import Messages

/// Standard Webhooks v1 signatures: HMAC-SHA256 over `ID.TIMESTAMP.BODY`, sent as
/// `webhook-signature: v1,BASE64` (several space-separated entries allowed).
public enum StandardWebhooks {
    /// How far a `webhook-timestamp` may be from now, in seconds (5 minutes).
    public static let tolerance: Int64 = 300

    /// Why a signature was refused (for the log only; clients get no detail).
    public enum Refusal: String, Sendable, Equatable {
        case missingHeaders = "missing webhook-id, webhook-timestamp or webhook-signature"
        case badTimestamp = "webhook-timestamp is not a number"
        case outsideTolerance = "webhook-timestamp too far from now"
        case noMatch = "no matching signature"
    }

    /// The bytes that are signed: `ID.TIMESTAMP.BODY`.
    public static func signedContent(id: String, timestamp: String, body: [UInt8]) -> [UInt8] {
        var content: [UInt8] = []
        content.reserveCapacity(id.utf8.count + timestamp.utf8.count + body.count + 2)
        content.append(contentsOf: id.utf8)
        content.append(UInt8(ascii: "."))
        content.append(contentsOf: timestamp.utf8)
        content.append(UInt8(ascii: "."))
        content.append(contentsOf: body)
        return content
    }

    /// The signature `v1,BASE64` of a message under `key` (the decoded secret).
    public static func sign(id: String, timestamp: Int64, body: [UInt8], key: [UInt8]) -> String {
        let mac = Digest.hmacSHA256(key: key, message: signedContent(id: id, timestamp: String(timestamp), body: body))
        return "v1," + Data(mac).base64EncodedString()
    }

    /// Checks the headers of a request against `keys`; nil when one `v1` signature matches
    /// one key and the timestamp is within ``tolerance`` of `now` (Unix seconds).
    public static func verify(id: String?, timestamp: String?, signature: String?, body: [UInt8],
                              keys: [[UInt8]], now: Int64) -> Refusal? {
        guard let id, let timestamp, let signature, !id.isEmpty else { return .missingHeaders }
        guard !timestamp.isEmpty, timestamp.utf8.count <= 12, !timestamp.containsUTF8Byte(where: { !isDigit($0) }),
              let seconds = Int64(timestamp) else { return .badTimestamp }
        guard abs(seconds - now) <= tolerance else { return .outsideTolerance }
        let offered = signatures(signature)
        guard !offered.isEmpty else { return .noMatch }
        let content = signedContent(id: id, timestamp: timestamp, body: body)
        var matched = false
        for key in keys {
            let expected = Digest.hmacSHA256(key: key, message: content)
            // Every candidate is compared, so the time taken does not tell which one matched.
            for candidate in offered where Digest.constantTimeEqual(expected, candidate) { matched = true }
        }
        return matched ? nil : .noMatch
    }

    /// The decoded `v1` signatures of a `webhook-signature` value; other versions are skipped.
    static func signatures(_ header: String) -> [[UInt8]] {
        // Split by bytes in place: splitting a String by Character costs more than the HMAC itself.
        var header = header
        return header.withUTF8 { bytes in
            var found: [[UInt8]] = []
            var start = 0
            while start < bytes.count && found.count < 16 {
                guard bytes[start] != 0x20 else { start += 1; continue }
                var end = start
                while end < bytes.count && bytes[end] != 0x20 { end += 1 }
                if end - start >= 3 && bytes[start] == UInt8(ascii: "v") && bytes[start + 1] == UInt8(ascii: "1")
                    && bytes[start + 2] == UInt8(ascii: ","),
                   let decoded = StrictBase64.decode(UnsafeBufferPointer(rebasing: bytes[(start + 3)..<end])) {
                    found.append(decoded)
                }
                start = end
            }
            return found
        }
    }
}
