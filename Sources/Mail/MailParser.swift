/// Parses RFC 5322 / MIME messages. Pure: no I/O, no clocks, no global state.
///
/// Broken input is read the way Python's `email` package and mainstream mail readers read
/// it, and what was worked around is listed in ``ParsedMail/defects``. Hostile input is
/// bounded by ``MailLimits``.
public enum MailParser {
    /// Parses the raw bytes of one message (CRLF, LF or CR line breaks).
    ///
    /// - Throws: ``MailError/limitExceeded(_:)`` when a limit is crossed,
    ///   ``MailError/notAMessage(_:)`` for empty input.
    public static func parse(_ bytes: [UInt8], limits: MailLimits = .default) throws -> ParsedMail {
        guard bytes.count <= limits.maxBytes else {
            throw MailError.limitExceeded("a message of \(bytes.count) bytes, more than \(limits.maxBytes)")
        }
        guard bytes.contains(where: { !Bytes.isSpace($0) }) else {
            throw MailError.notAMessage("the input is empty")
        }
        var parser = MIMEParser(limits: limits)
        let root = try parser.parsePart(bytes, range: 0..<bytes.count, depth: 0, path: "")
        var defects = parser.defects
        if root.headers.fields.isEmpty { defects.insert("message: no header fields", at: 0) }
        return ParsedMail(root: root, defects: defects)
    }

    /// Parses a message given as text (its UTF-8 bytes).
    public static func parse(_ text: String, limits: MailLimits = .default) throws -> ParsedMail {
        try parse(Array(text.utf8), limits: limits)
    }
}
