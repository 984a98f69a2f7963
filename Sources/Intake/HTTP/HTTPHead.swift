/// The request line and header fields of one request, checked, with how its body is framed.
struct HTTPHead: Sendable {
    /// How the body's end is found.
    enum Framing: Sendable {
        /// Exactly this many bytes (0 when there is no body).
        case length(Int)
        /// Chunked transfer coding.
        case chunked
    }

    var method: String
    var target: String
    var minorVersion: Int
    var headers: HTTPHeaders
    var framing: Framing
    /// `Expect: 100-continue` was sent.
    var expectsContinue: Bool

    /// Parses the lines of a header section found in `bytes` (the first is the request line).
    static func parse(_ bytes: [UInt8], lines: [Range<Int>], limits: HTTPLimits) throws(HTTPFramingError) -> HTTPHead {
        guard let first = lines.first else { throw .bad("empty request") }
        let (method, target, minor) = try requestLine(bytes[first])
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            let field = try HTTPHead.field(bytes[line])
            headers.add(field.name, field.value)
        }
        let hosts = headers.values("host")
        if hosts.count > 1 { throw .bad("more than one Host field") }
        if minor >= 1 && hosts.isEmpty { throw .bad("missing Host field") }
        let framing = try framing(headers, minorVersion: minor, limits: limits)
        var expectsContinue = false
        if let expect = headers["expect"] {
            guard expect.lowercased() == "100-continue" else {
                throw HTTPFramingError(status: 417, label: "expectation-failed", detail: "only 'Expect: 100-continue' is supported")
            }
            if case .length(let length) = framing { expectsContinue = length > 0 } else { expectsContinue = true }
        }
        return HTTPHead(method: method, target: target, minorVersion: minor, headers: headers, framing: framing,
                        expectsContinue: expectsContinue)
    }

    /// `METHOD SP TARGET SP HTTP/1.x`, with single spaces.
    private static func requestLine(_ line: ArraySlice<UInt8>) throws(HTTPFramingError) -> (String, String, Int) {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .bad("malformed request line") }
        guard !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte) else { throw .bad("malformed method") }
        let target = parts[1]
        guard !target.isEmpty, target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw .bad("malformed request target") }
        let version = Array(parts[2])
        guard version.count == 8, version.starts(with: Array("HTTP/".utf8)), version[6] == UInt8(ascii: "."),
              isDigit(version[5]), isDigit(version[7]) else { throw .bad("malformed HTTP version") }
        guard version[5] == UInt8(ascii: "1") else {
            throw HTTPFramingError(status: 505, label: "version-not-supported", detail: "only HTTP/1.0 and HTTP/1.1 are supported")
        }
        var targetText = String(decoding: target, as: UTF8.self)
        if !targetText.hasPrefix("/") {
            targetText = try originForm(targetText)
        }
        return (String(decoding: parts[0], as: UTF8.self), targetText, Int(version[7] - UInt8(ascii: "0")))
    }

    /// The path and query of an absolute-form target (`http://host/p?q` → `/p?q`).
    private static func originForm(_ target: String) throws(HTTPFramingError) -> String {
        let lower = target.lowercased()
        for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) {
            let rest = target.dropFirst(scheme.count)
            guard let slash = rest.firstIndex(of: "/") else { return "/" }
            return String(rest[slash...])
        }
        throw .bad("malformed request target")
    }

    /// `name: value` with no white space before the colon and no obs-fold.
    private static func field(_ line: ArraySlice<UInt8>) throws(HTTPFramingError) -> HTTPField {
        guard let first = line.first else { throw .bad("empty field line") }
        if first == 0x20 || first == 0x09 { throw .bad("obsolete line folding in the header section") }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .bad("header field without a colon") }
        let name = line[line.startIndex..<colon]
        if let last = name.last, last == 0x20 || last == 0x09 { throw .bad("white space before the colon of a header field") }
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else { throw .bad("malformed header field name") }
        var value = line[(colon + 1)...]
        while let head = value.first, head == 0x20 || head == 0x09 { value = value.dropFirst() }
        while let tail = value.last, tail == 0x20 || tail == 0x09 { value = value.dropLast() }
        guard value.allSatisfy({ $0 == 0x09 || $0 >= 0x20 && $0 != 0x7F }) else {
            throw .bad("control character in a header field value")
        }
        return HTTPField(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// The body framing from `Transfer-Encoding` and `Content-Length` (RFC 9112, section 6.3).
    private static func framing(_ headers: HTTPHeaders, minorVersion: Int, limits: HTTPLimits) throws(HTTPFramingError) -> Framing {
        let encodings = headers.values("transfer-encoding")
        let lengths = headers.values("content-length")
        if !encodings.isEmpty {
            if !lengths.isEmpty { throw .bad("both Content-Length and Transfer-Encoding") }
            if minorVersion == 0 { throw .bad("Transfer-Encoding in an HTTP/1.0 request") }
            let codings = headers.tokens("transfer-encoding").map { $0.split(separator: ";").first.map(String.init) ?? $0 }
                .map { $0.httpTrimmed() }
            guard codings.last == "chunked" else { throw .bad("chunked is not the final transfer coding") }
            guard codings.filter({ $0 == "chunked" }).count == 1 else { throw .bad("chunked applied more than once") }
            guard codings.count == 1 else {
                throw HTTPFramingError(status: 501, label: "coding-not-supported",
                                       detail: "transfer coding '\(codings[0])' is not supported")
            }
            return .chunked
        }
        guard !lengths.isEmpty else { return .length(0) }
        var length: Int?
        for value in lengths {
            // Comma-separated members, each digits with optional white space around (by bytes).
            for member in value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                let digits = member.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }
                guard !digits.isEmpty, digits.allSatisfy(isDigit) else { throw .bad("invalid Content-Length") }
                guard digits.count <= 15 else { throw .bad("Content-Length too large to read") }
                let number = digits.reversed().reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
                if let length, length != number { throw .bad("several different Content-Length values") }
                length = number
            }
        }
        let body = length ?? 0
        if body > limits.maxBody {
            throw HTTPFramingError(status: 413, label: "too-large", detail: "body larger than \(limits.maxBody) bytes")
        }
        return .length(body)
    }
}

/// `tchar` of RFC 9110: the characters of a token.
func isTokenByte(_ byte: UInt8) -> Bool { tokenBytes[Int(byte)] }

private let tokenBytes: [Bool] = (0..<256).map { value in
    let byte = UInt8(value)
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return true
    default:
        return "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }
}

func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
}
