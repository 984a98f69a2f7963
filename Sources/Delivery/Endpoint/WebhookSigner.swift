import Foundation
import Hashing

/// Signs outbound requests the Standard Webhooks way: `webhook-signature: v1,BASE64` where
/// BASE64 is the HMAC-SHA256, under the secret's key, of `ID.TIMESTAMP.BODY`.
public struct WebhookSigner: Sendable, Hashable {
    /// The HMAC key: the bytes the `whsec_` secret encodes.
    public let key: [UInt8]

    /// A signer for a secret written as `whsec_` followed by base64 (the prefix is optional).
    public init(secret: String) throws(EndpointFileError) {
        var text = Substring(secret.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("whsec_") { text = text.dropFirst(6) }
        guard !text.isEmpty, let decoded = Data(base64Encoded: String(text)), !decoded.isEmpty else {
            throw EndpointFileError(path: nil, line: nil, reason: "not a Standard Webhooks secret (whsec_ and base64)")
        }
        key = Array(decoded)
    }

    /// A signer for the first secret in `path` (blank lines and `#` comments are skipped).
    public static func load(path: String) throws(EndpointFileError) -> WebhookSigner {
        let lines = try EndpointFileError.readLines(path)
        guard let (number, line) = lines.first else {
            throw EndpointFileError(path: path, line: nil, reason: "holds no secret")
        }
        do {
            return try WebhookSigner(secret: line)
        } catch {
            throw EndpointFileError(path: path, line: number, reason: error.reason)
        }
    }

    /// `v1,` and the base64 signature of `body` sent as message `id` at `timestamp` (Unix seconds).
    public func signature(id: String, timestamp: Int, body: [UInt8]) -> String {
        let content = Array("\(id).\(timestamp).".utf8) + body
        return "v1," + Data(Digest.hmacSHA256(key: key, message: content)).base64EncodedString()
    }
}
