import CCrypto

/// SHA-256, HMAC-SHA256 and constant-time comparison, computed by OpenSSL's libcrypto.
///
/// Used for attachment checksums (`sha256` in the message JSON) and for Standard Webhooks
/// signatures, inbound and outbound.
public enum Digest {
    /// The length of a SHA-256 digest in bytes.
    public static let sha256Length = 32

    /// The SHA-256 digest of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: sha256Length)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, Algorithms.shared.sha256, nil)
            }
        }
        // EVP_Digest fails only when the process cannot allocate a digest context.
        precondition(ok == 1 && length == UInt32(sha256Length), "libcrypto EVP_Digest(SHA-256) failed")
        return digest
    }

    /// The SHA-256 digest of any sequence of bytes, such as `"text".utf8`.
    public static func sha256(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        sha256(Array(bytes))
    }

    /// The SHA-256 digest of `bytes` as 64 lower-case hexadecimal digits.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        hex(sha256(bytes))
    }

    /// The HMAC-SHA256 of `message` under `key`.
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var mac = [UInt8](repeating: 0, count: sha256Length)
        // libcrypto wants non-null pointers even for empty input; a one-byte dummy serves.
        let keyBytes = key.isEmpty ? [0] : key
        let messageBytes = message.isEmpty ? [0] : message
        let ok = keyBytes.withUnsafeBufferPointer { k in
            messageBytes.withUnsafeBufferPointer { m in
                mac.withUnsafeMutableBufferPointer { out in
                    wegwijzer_hmac_sha256(Algorithms.shared.hmacTemplate, k.baseAddress, key.count, m.baseAddress, message.count,
                                          out.baseAddress)
                }
            }
        }
        precondition(ok == 1, "libcrypto HMAC(SHA-256) failed")
        return mac
    }

    /// Whether `a` and `b` are equal, in time that depends only on their length.
    ///
    /// Use it to compare a received signature with the expected one. Lengths are not secret:
    /// inputs of different lengths compare unequal at once.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                CRYPTO_memcmp(x.baseAddress, y.baseAddress, x.count) == 0
            }
        }
    }

    /// `bytes` as lower-case hexadecimal digits, two per byte.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The algorithms, fetched from libcrypto once: its one-shot calls look them up by name on
/// every call otherwise.
///
/// `@unchecked Sendable` is sound: both objects are created once, never changed afterwards,
/// and only read (`EVP_Digest` with the digest, `EVP_MAC_CTX_dup` of the template), which
/// libcrypto allows from several threads at once.
private final class Algorithms: @unchecked Sendable {
    static let shared = Algorithms()
    /// SHA-256.
    let sha256: OpaquePointer
    /// An HMAC-SHA256 context without a key, duplicated for every MAC.
    let hmacTemplate: OpaquePointer

    private init() {
        guard let sha256 = EVP_MD_fetch(nil, "SHA256", nil), let hmacTemplate = wegwijzer_hmac_sha256_template() else {
            preconditionFailure("libcrypto has no SHA-256 or no HMAC")
        }
        self.sha256 = sha256
        self.hmacTemplate = hmacTemplate
    }
}
