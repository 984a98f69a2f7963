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
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<HTTPHead, HTTPFramingError> in
            do throws(HTTPFramingError) {
                return .success(try parse(buffer, lines: lines, limits: limits))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, lines: [Range<Int>], limits: HTTPLimits
    ) throws(HTTPFramingError) -> HTTPHead {
        guard let first = lines.first else { throw .bad("empty request") }
        let (method, target, minor) = try requestLine(bytes, first)
        var headers = HTTPHeaders()
        headers.reserve(lines.count - 1)
        // The fields framing depends on, noted while the names are at hand as bytes.
        var hostCount = 0
        var hasEncodings = false
        var lengths: [String] = []
        var expect: String?
        for line in lines.dropFirst() {
            let (field, name) = try HTTPHead.field(bytes, line)
            if name.count == 4 && matches(name, "host") {
                hostCount += 1
            } else if name.count == 14 && matches(name, "content-length") {
                lengths.append(field.value)
            } else if name.count == 17 && matches(name, "transfer-encoding") {
                hasEncodings = true
            } else if name.count == 6 && matches(name, "expect") {
                // Several Expect fields are one list: anything beyond a lone 100-continue is refused.
                expect = expect.map { $0 + ", " + field.value } ?? field.value
            }
            headers.append(field)
        }
        if hostCount > 1 { throw .bad("more than one Host field") }
        if minor >= 1 && hostCount == 0 { throw .bad("missing Host field") }
        let framing = try framing(headers, hasEncodings: hasEncodings, lengths: lengths, minorVersion: minor, limits: limits)
        var expectsContinue = false
        if let expect {
            guard expect.lowercased() == "100-continue" else {
                throw HTTPFramingError(status: 417, label: "expectation-failed", detail: "only 'Expect: 100-continue' is supported")
            }
            if case .length(let length) = framing { expectsContinue = length > 0 } else { expectsContinue = true }
        }
        return HTTPHead(method: method, target: target, minorVersion: minor, headers: headers, framing: framing,
                        expectsContinue: expectsContinue)
    }

    /// Whether a field name equals `lowercase` (letters and `-`) in any case. The name must have
    /// passed the token check: on other bytes the folding below is wrong (`\r` | 0x20 is `-`).
    private static func matches(_ name: Slice<UnsafeBufferPointer<UInt8>>, _ lowercase: StaticString) -> Bool {
        assert(name.allSatisfy(isTokenByte), "a field name that is not a token")
        let literal = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        guard name.count == literal.count else { return false }
        var offset = 0
        for byte in name {
            // Token bytes: `| 0x20` folds only A-Z onto a-z, and keeps `-`.
            guard byte | 0x20 == literal[offset] else { return false }
            offset += 1
        }
        return offset == literal.count
    }

    /// `METHOD SP TARGET SP HTTP/1.x`, with single spaces.
    private static func requestLine(
        _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>
    ) throws(HTTPFramingError) -> (String, String, Int) {
        var space1 = -1
        var space2 = -1
        for index in line where bytes[index] == 0x20 {
            if space1 < 0 { space1 = index } else if space2 < 0 { space2 = index } else { throw .bad("malformed request line") }
        }
        guard space2 >= 0 else { throw .bad("malformed request line") }
        let method = line.lowerBound..<space1
        let target = (space1 + 1)..<space2
        let version = (space2 + 1)..<line.upperBound
        guard !method.isEmpty, method.allSatisfy({ isTokenByte(bytes[$0]) }) else { throw .bad("malformed method") }
        guard !target.isEmpty, target.allSatisfy({ bytes[$0] > 0x20 && bytes[$0] < 0x7F }) else {
            throw .bad("malformed request target")
        }
        let v = version.lowerBound
        guard version.count == 8, bytes[v] == UInt8(ascii: "H"), bytes[v + 1] == UInt8(ascii: "T"),
              bytes[v + 2] == UInt8(ascii: "T"), bytes[v + 3] == UInt8(ascii: "P"), bytes[v + 4] == UInt8(ascii: "/"),
              bytes[v + 6] == UInt8(ascii: "."), isDigit(bytes[v + 5]), isDigit(bytes[v + 7])
        else { throw .bad("malformed HTTP version") }
        guard bytes[v + 5] == UInt8(ascii: "1") else {
            throw HTTPFramingError(status: 505, label: "version-not-supported", detail: "only HTTP/1.0 and HTTP/1.1 are supported")
        }
        var targetText = String(decoding: UnsafeBufferPointer(rebasing: bytes[target]), as: UTF8.self)
        if !targetText.hasPrefix("/") {
            targetText = try originForm(targetText)
        }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[method]), as: UTF8.self), targetText,
                Int(bytes[v + 7] - UInt8(ascii: "0")))
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

    /// `name: value` with no white space before the colon and no obs-fold; also the name's bytes.
    private static func field(
        _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>
    ) throws(HTTPFramingError) -> (HTTPField, Slice<UnsafeBufferPointer<UInt8>>) {
        guard !line.isEmpty else { throw .bad("empty field line") }
        let first = bytes[line.lowerBound]
        if first == 0x20 || first == 0x09 { throw .bad("obsolete line folding in the header section") }
        var colon = line.lowerBound
        while colon < line.upperBound && bytes[colon] != UInt8(ascii: ":") { colon += 1 }
        guard colon < line.upperBound else { throw .bad("header field without a colon") }
        let name = bytes[line.lowerBound..<colon]
        if let last = name.last, last == 0x20 || last == 0x09 { throw .bad("white space before the colon of a header field") }
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else { throw .bad("malformed header field name") }
        var start = colon + 1
        var end = line.upperBound
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        let value = bytes[start..<end]
        guard value.allSatisfy({ $0 == 0x09 || $0 >= 0x20 && $0 != 0x7F }) else {
            throw .bad("control character in a header field value")
        }
        // Token bytes are ASCII, so lower-casing them byte by byte is what `lowercased()` does.
        let lowered = commonName(name) ?? HTTPHeaders.asciiLowercased(name)
        let field = HTTPField(lowercased: lowered, String(decoding: UnsafeBufferPointer(rebasing: value), as: UTF8.self))
        return (field, name)
    }

    /// The lower-case name of a field most requests carry, taken from a table (no string is built).
    private static func commonName(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        for index in commonNames.indices where matches(name, commonNames[index]) { return commonNameStrings[index] }
        return nil
    }

    /// Field names most requests carry, lower-case.
    private static let commonNames: [StaticString] = [
        "host", "accept", "expect", "webhook-id", "user-agent", "connection", "content-type", "authorization",
        "content-length", "webhook-timestamp", "webhook-signature", "transfer-encoding",
    ]
    /// ``commonNames`` as strings, made once.
    private static let commonNameStrings = commonNames.map(\.description)

    /// The body framing from `Transfer-Encoding` and `Content-Length` (RFC 9112, section 6.3).
    private static func framing(
        _ headers: HTTPHeaders, hasEncodings: Bool, lengths: [String], minorVersion: Int, limits: HTTPLimits
    ) throws(HTTPFramingError) -> Framing {
        if hasEncodings {
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
            var value = value
            let known = length
            let parsed = value.withUTF8 { utf8 in
                Result { () throws(HTTPFramingError) in try contentLength(utf8, agreeingWith: known) }
            }
            length = try parsed.get()
        }
        let body = length ?? 0
        if body > limits.maxBody {
            throw HTTPFramingError(status: 413, label: "too-large", detail: "body larger than \(limits.maxBody) bytes")
        }
        return .length(body)
    }

    /// The length in one `Content-Length` value: comma-separated members, each digits with
    /// optional white space around, all equal to each other and to `known`.
    private static func contentLength(
        _ bytes: UnsafeBufferPointer<UInt8>, agreeingWith known: Int?
    ) throws(HTTPFramingError) -> Int {
        var length = known
        var memberStart = 0
        while true {
            var end = memberStart
            while end < bytes.count && bytes[end] != UInt8(ascii: ",") { end += 1 }
            var low = memberStart
            var high = end
            while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
            while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
            let digits = bytes[low..<high]
            guard !digits.isEmpty, digits.allSatisfy(isDigit) else { throw .bad("invalid Content-Length") }
            guard digits.count <= 15 else { throw .bad("Content-Length too large to read") }
            let number = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            if let length, length != number { throw .bad("several different Content-Length values") }
            length = number
            guard end < bytes.count else { return number }
            memberStart = end + 1
        }
    }
}

/// `tchar` of RFC 9110: the characters of a token.
func isTokenByte(_ byte: UInt8) -> Bool {
    // One bit per tchar: ALPHA, DIGIT and !#$%&'*+-.^_`|~, bytes 0-63 and 64-127.
    let low: UInt64 = 0x03FF_6CFA_0000_0000
    let high: UInt64 = 0x57FF_FFFF_C7FF_FFFE
    if byte < 64 { return low >> UInt64(byte) & 1 == 1 }
    if byte < 128 { return high >> UInt64(byte - 64) & 1 == 1 }
    return false
}

func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
}
