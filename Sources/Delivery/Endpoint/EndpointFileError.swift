import Storage

/// A secret or header file of an endpoint that cannot be used.
public struct EndpointFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, when known.
    public var path: String?
    /// The 1-based line, when the problem is on one line.
    public var line: Int?
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(path: String?, line: Int?, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// One line, as `/etc/wegwijzer/kcc.headers:3: no ':' between name and value`.
    public var description: String {
        guard let path else { return reason }
        return path + (line.map { ":\($0)" } ?? "") + ": " + reason
    }

    /// The non-blank lines of `path` that are not `#` comments, trimmed, with their numbers.
    static func readLines(_ path: String) throws(EndpointFileError) -> [(Int, String)] {
        let bytes: [UInt8]
        do {
            bytes = try DurableFile.readFile(at: path, maxSize: 64 << 10)
        } catch {
            throw EndpointFileError(path: path, line: nil, reason: "cannot read: \(error.description)")
        }
        var lines: [(Int, String)] = []
        for (index, raw) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            var line = String(decoding: raw, as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            lines.append((index + 1, trimmed))
        }
        return lines
    }
}
