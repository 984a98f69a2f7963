/// One header field as it appeared in the message.
public struct HeaderField: Sendable, Hashable {
    /// The field name as written (compare it without case).
    public var name: String
    /// The unfolded value: line breaks of folding removed, outer white space trimmed, encoded
    /// words left as they are. Raw 8-bit bytes are read as UTF-8, else as Windows-1252.
    public var rawValue: String
    /// The unfolded value as bytes, kept when it holds raw 8-bit bytes: those inside an encoded
    /// word belong to the word's charset, not to the reading of ``rawValue``.
    public var rawBytes: [UInt8]?
    /// The charset the raw 8-bit text outside encoded words is read in (the message text's);
    /// `nil`: UTF-8, else Windows-1252.
    public var rawCharset: String?

    /// Creates a field.
    public init(name: String, rawValue: String, rawBytes: [UInt8]? = nil, rawCharset: String? = nil) {
        self.name = name
        self.rawValue = rawValue
        self.rawBytes = rawBytes
        self.rawCharset = rawCharset
    }

    /// The value with RFC 2047 encoded words decoded.
    public var decodedValue: String {
        guard let rawBytes else { return EncodedWords.decode(rawValue) }
        return EncodedWords.decode(bytes: rawBytes) { [rawCharset] literal in
            rawCharset.map { Charsets.decode(literal, charset: $0) } ?? Bytes.text(literal)
        }
    }

    /// Whether this field is called `name`, ignoring case.
    public func isNamed(_ name: String) -> Bool {
        self.name.utf8.count == name.utf8.count && self.name.asciiLowercased() == name.asciiLowercased()
    }
}
