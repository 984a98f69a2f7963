import Messages

/// A response to send: status, header fields and body. `Content-Length`, `Date` and
/// `Connection` are added when it is serialized.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// Header fields besides the framing ones.
    public var headers: HTTPHeaders
    /// The body.
    public var body: [UInt8]
    /// Whether the connection must be closed after this response.
    public var closeConnection: Bool

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], closeConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.closeConnection = closeConnection
    }

    /// A response with a JSON body (`Content-Type: application/json`).
    public static func json(_ status: Int, _ json: String, headers: [HTTPField] = [], close: Bool = false) -> HTTPResponse {
        var fields = HTTPHeaders([HTTPField("Content-Type", "application/json")])
        for field in headers { fields.add(field.name, field.value) }
        return HTTPResponse(status: status, headers: fields, body: Array((json + "\n").utf8), closeConnection: close)
    }

    /// A JSON error body `{"error": MESSAGE}`, with `"field"` when a field is named.
    public static func error(_ status: Int, _ message: String, field: String? = nil, headers: [HTTPField] = [],
                             close: Bool = false) -> HTTPResponse {
        var json = "{\"error\":" + JSONString.quote(message)
        if let field { json += ",\"field\":" + JSONString.quote(field) }
        return .json(status, json + "}", headers: headers, close: close)
    }

    /// The bytes on the wire: status line, fields, `Content-Length`, `Connection`, body.
    /// `keepAlive: false` (or ``closeConnection``) adds `Connection: close`.
    public func serialized(keepAlive: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128 + body.count)
        bytes += "HTTP/1.1 \(status) \(HTTPResponse.reason(status))\r\n".utf8
        for field in headers.fields {
            HTTPResponse.appendCanonical(field.name, to: &bytes)
            bytes += ": ".utf8
            bytes += field.value.utf8
            bytes += "\r\n".utf8
        }
        bytes += "Content-Length: \(body.count)\r\n".utf8
        if !keepAlive || closeConnection { bytes += "Connection: close\r\n".utf8 }
        bytes += "\r\n".utf8
        bytes += body
        return bytes
    }

    /// The reason phrase of a status code.
    public static func reason(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 202: "Accepted"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 417: "Expectation Failed"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }

    /// `content-type` → `Content-Type`.
    static func canonical(_ name: String) -> String {
        var bytes: [UInt8] = []
        appendCanonical(name, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `name` with the first letter of each `-`-separated part in upper case.
    private static func appendCanonical(_ name: String, to bytes: inout [UInt8]) {
        var startOfPart = true
        for byte in name.utf8 {
            bytes.append(startOfPart && byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
            startOfPart = byte == UInt8(ascii: "-")
        }
    }
}
