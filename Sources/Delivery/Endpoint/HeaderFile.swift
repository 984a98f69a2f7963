/// Extra request headers for an endpoint, such as an API key, read from a file of
/// `Name: value` lines (blank lines and `#` comments skipped).
public enum HeaderFile {
    /// Headers Wegwijzer sets itself; a header file may not replace them.
    public static let reserved: Set<String> = [
        "content-length", "content-type", "host", "transfer-encoding", "expect", "connection",
        "idempotency-key", "webhook-id", "webhook-timestamp", "webhook-signature",
    ]

    /// The header lines of `path`, each as `Name: value`.
    public static func load(path: String) throws(EndpointFileError) -> [String] {
        var headers: [String] = []
        for (number, line) in try EndpointFileError.readLines(path) {
            do {
                headers.append(try parse(line))
            } catch {
                throw EndpointFileError(path: path, line: number, reason: error.reason)
            }
        }
        return headers
    }

    /// One `Name: value` line, checked and normalized to `Name: value`.
    public static func parse(_ line: String) throws(EndpointFileError) -> String {
        guard let colon = line.firstIndex(of: ":") else {
            throw EndpointFileError(path: nil, line: nil, reason: "expected 'Name: value'")
        }
        let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
        let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(isTokenCharacter) else {
            throw EndpointFileError(path: nil, line: nil, reason: "'\(name)' is not a header name")
        }
        guard !reserved.contains(name.lowercased()) else {
            throw EndpointFileError(path: nil, line: nil, reason: "header '\(name)' is set by Wegwijzer itself")
        }
        guard !value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) else {
            throw EndpointFileError(path: nil, line: nil, reason: "the value of '\(name)' contains a control character")
        }
        return name + ": " + value
    }

    /// RFC 9110 token characters.
    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        case "!", "#", "$", "%", "&", "'", "*", "+", "-", ".", "^", "_", "`", "|", "~": true
        default: false
        }
    }
}
