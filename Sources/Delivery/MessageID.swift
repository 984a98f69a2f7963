import Hashing

/// Stable message IDs: the same input always gets the same ID.
public enum MessageID {
    /// 26 characters of lower-case base32 from the SHA-256 of the source name and the input's
    /// identity (for files: name and content; for webhooks: the `webhook-id`, else the body).
    public static func make(source: String, identity: [UInt8]) -> String {
        let digest = Digest.sha256(Array(source.utf8) + [0] + identity)
        return base32(Array(digest.prefix(16)))
    }

    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    private static func base32(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[Int(buffer >> UInt32(bits - 5) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[Int(buffer << UInt32(5 - bits) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
