import Hashing
import Storage

/// What a webhook source accepts as proof: Standard Webhooks secrets and bearer tokens.
public struct WebhookCredentials: Sendable, Hashable {
    /// The decoded secrets (the bytes after `whsec_`), all valid at once during a rotation.
    public var secrets: [[UInt8]]
    /// SHA-256 digests of the accepted bearer tokens (compared digest to digest, in constant time).
    public var tokenDigests: [[UInt8]]

    /// Credentials from decoded secrets and plain tokens.
    public init(secrets: [[UInt8]] = [], tokens: [String] = []) {
        self.secrets = secrets
        tokenDigests = tokens.map { Digest.sha256(Array($0.utf8)) }
    }

    /// No secret and no token: every request is let in (allowed on loopback addresses only).
    public var isOpen: Bool { secrets.isEmpty && tokenDigests.isEmpty }

    /// Credentials that accept no request at all (no token digest can be empty).
    public static let refusingAll = WebhookCredentials(secrets: [], tokenDigests: [[]])

    private init(secrets: [[UInt8]], tokenDigests: [[UInt8]]) {
        self.secrets = secrets
        self.tokenDigests = tokenDigests
    }

    /// A secrets or tokens file that cannot be used.
    public struct Failure: Error, CustomStringConvertible, Sendable, Equatable {
        /// What is wrong, in one line.
        public var description: String

        /// Creates a failure.
        public init(description: String) {
            self.description = description
        }
    }

    /// Decodes a secrets file: one `whsec_BASE64` per line; blank lines and `#` comments skipped.
    public static func secrets(in text: String, file: String = "secrets") throws(Failure) -> [[UInt8]] {
        var secrets: [[UInt8]] = []
        for (number, line) in lines(text) {
            guard line.hasPrefix("whsec_"), let key = StrictBase64.decode(String(line.dropFirst(6))), !key.isEmpty else {
                throw Failure(description: "\(file):\(number): not a Standard Webhooks secret (whsec_ followed by base64)")
            }
            secrets.append(key)
        }
        return secrets
    }

    /// The tokens of a tokens file: one per line; blank lines and `#` comments skipped.
    public static func tokens(in text: String) -> [String] {
        lines(text).map(\.text)
    }

    /// Reads the files of a source (either may be nil); a file given must hold at least one entry.
    public static func load(secretFile: String?, tokenFile: String?) throws(Failure) -> WebhookCredentials {
        var secrets: [[UInt8]] = []
        var tokens: [String] = []
        if let secretFile {
            secrets = try Self.secrets(in: try read(secretFile), file: secretFile)
            if secrets.isEmpty { throw Failure(description: "\(secretFile): no secret in the file") }
        }
        if let tokenFile {
            tokens = Self.tokens(in: try read(tokenFile))
            if tokens.isEmpty { throw Failure(description: "\(tokenFile): no token in the file") }
        }
        return WebhookCredentials(secrets: secrets, tokens: tokens)
    }

    /// Whether `token` is one of the accepted tokens.
    public func accepts(token: String) -> Bool {
        let digest = Digest.sha256(Array(token.utf8))
        var found = false
        for candidate in tokenDigests where Digest.constantTimeEqual(candidate, digest) { found = true }
        return found
    }

    private static func read(_ path: String) throws(Failure) -> String {
        do {
            return String(decoding: try DurableFile.readFile(at: path, maxSize: 1 << 20), as: UTF8.self)
        } catch {
            throw Failure(description: error.description)
        }
    }

    private static func lines(_ text: String) -> [(number: Int, text: String)] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().compactMap { index, raw in
            let line = raw.httpTrimmed()
            return line.isEmpty || line.hasPrefix("#") ? nil : (index + 1, line)
        }
    }
}
