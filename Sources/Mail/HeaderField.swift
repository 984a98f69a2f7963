/// One header field as it appeared in the message.
public struct HeaderField: Sendable, Hashable {
    /// The field name as written (compare it without case).
    public var name: String
    /// The unfolded value: line breaks of folding removed, outer white space trimmed, encoded
    /// words left as they are. Raw 8-bit bytes are read as UTF-8, else as Windows-1252.
    public var rawValue: String

    /// Creates a field.
    public init(name: String, rawValue: String) {
        self.name = name
        self.rawValue = rawValue
    }

    /// The value with RFC 2047 encoded words decoded.
    public var decodedValue: String { EncodedWords.decode(rawValue) }

    /// Whether this field is called `name`, ignoring case.
    public func isNamed(_ name: String) -> Bool {
        self.name.utf8.count == name.utf8.count && self.name.asciiLowercased() == name.asciiLowercased()
    }
}
