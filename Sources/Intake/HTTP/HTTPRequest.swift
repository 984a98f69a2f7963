/// One complete HTTP/1.x request, as the parser hands it on.
public struct HTTPRequest: Sendable, Hashable {
    /// The method, as `POST` (case-sensitive).
    public var method: String
    /// The request target as sent, as `/v1/messages?x=1`.
    public var target: String
    /// The path of the target, without the query.
    public var path: String
    /// The minor version: 1 for HTTP/1.1, 0 for HTTP/1.0.
    public var minorVersion: Int
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body, decoded from its chunks when it was sent chunked.
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String, target: String, minorVersion: Int = 1, headers: HTTPHeaders = HTTPHeaders(),
                body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.path = HTTPRequest.path(of: target)
        self.minorVersion = minorVersion
        self.headers = headers
        self.body = body
    }

    /// Whether the connection stays open after the response: the HTTP/1.1 default unless
    /// `Connection: close`; for HTTP/1.0 only with `Connection: keep-alive`.
    public var keepAlive: Bool {
        let options = headers.tokens("connection")
        if options.contains("close") { return false }
        return minorVersion >= 1 || options.contains("keep-alive")
    }

    /// The media type of `Content-Type`, lower-cased and without parameters, if given.
    public var mediaType: String? {
        guard var value = headers["content-type"] else { return nil }
        // ASCII, as sent: trimmed and lower-cased by bytes, which is what the general path does to it.
        let ascii = value.withUTF8 { bytes -> String? in
            var end = 0
            while end < bytes.count && bytes[end] != UInt8(ascii: ";") { end += 1 }
            var start = 0
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            let type = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard type.allSatisfy({ $0 < 0x80 }) else { return nil }
            return HTTPHeaders.asciiLowercased(type)
        }
        if let ascii { return ascii }
        let type = value.utf8.split(separator: UInt8(ascii: ";"), maxSplits: 1, omittingEmptySubsequences: false).first
        return Substring(type ?? value.utf8[...]).httpTrimmed().lowercased()
    }

    /// The path part of an origin-form target (`/a/b?q` → `/a/b`).
    static func path(of target: String) -> String {
        if let query = target.utf8.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            return String(target[..<query])
        }
        return target
    }
}
