import Hashing

/// Stable message IDs: the same input always gets the same ID.
public enum MessageID {
    /// 26 characters of lower-case base32 from the SHA-256 of the source name and the input's
    /// identity (for files: name and content; for webhooks: the `webhook-id`, else the body).
    public static func make(source: String, identity: [UInt8]) -> String {
        var input: [UInt8] = []
        input.reserveCapacity(source.utf8.count + 1 + identity.count)
        input += source.utf8
        input.append(0)
        input += identity
        return base32(Digest.sha256(input).prefix(16))
    }

    private static let alphabet: StaticString = "abcdefghijklmnopqrstuvwxyz234567"

    /// Lower-case base32 without padding, written straight into the string's storage.
    private static func base32(_ bytes: ArraySlice<UInt8>) -> String {
        let length = (bytes.count * 8 + 4) / 5
        return alphabet.withUTF8Buffer { alphabet in
            String(unsafeUninitializedCapacity: length) { out in
                var count = 0
                var buffer: UInt32 = 0
                var bits = 0
                for byte in bytes {
                    buffer = buffer << 8 | UInt32(byte)
                    bits += 8
                    while bits >= 5 {
                        out[count] = alphabet[Int(buffer >> UInt32(bits - 5) & 31)]
                        count += 1
                        bits -= 5
                    }
                }
                if bits > 0 {
                    out[count] = alphabet[Int(buffer << UInt32(5 - bits) & 31)]
                    count += 1
                }
                return count
            }
        }
    }
}
