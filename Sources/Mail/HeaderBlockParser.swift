/// Splits a header section into fields, following Python's `email.feedparser` rules: the
/// section ends at the first line that is neither a field, a continuation nor a `From ` line.
struct HeaderBlock {
    /// The fields found.
    var headers = MailHeaders()
    /// Where the body starts (after the blank separator line when there is one).
    var bodyStart: Int
    /// A `From ` line that ended the section and belongs to the body (Python's reading).
    var bodyPrefix: Range<Int>?
    /// Problems noticed.
    var defects: [String] = []
    /// Fields whose value bytes are not UTF-8 (index into the fields, value bytes), read as
    /// Windows-1252 until a better charset is known.
    var eightBitFields: [(index: Int, value: Range<Int>)] = []

    /// Re-reads the values of non-UTF-8 fields in `charset` (raw 8-bit headers are usually
    /// in the charset of the message text).
    func redecoding(_ bytes: [UInt8], charset: String) -> MailHeaders {
        var headers = self.headers
        for (index, value) in eightBitFields {
            let text = Charsets.decode(Array(bytes[value]), charset: charset)
            headers.fields[index].rawValue = Bytes.unfold(text)
            headers.fields[index].rawCharset = charset
        }
        return headers
    }
}

enum HeaderBlockParser {
    /// Reads the header section at `start`, looking no further than `end`.
    static func parse(_ bytes: [UInt8], from start: Int, end: Int, limits: MailLimits) throws -> HeaderBlock {
        var lines: [ByteLine] = []
        var position = start
        var block = HeaderBlock(bodyStart: end)
        var foundEnd = false
        while position < end {
            let line = ByteLine.at(position, in: bytes, end: end)
            if !isHeaderLine(bytes, line) {
                if line.isEmpty {
                    block.bodyStart = line.next
                } else {
                    block.defects.append("missing blank line between headers and body")
                    block.bodyStart = line.start
                }
                foundEnd = true
                break
            }
            if line.next - start > limits.maxHeaderBytes {
                throw MailError.limitExceeded("a header section larger than \(limits.maxHeaderBytes) bytes")
            }
            lines.append(line)
            position = line.next
        }
        if !foundEnd { block.bodyStart = end }
        buildFields(bytes, lines, into: &block)
        return block
    }

    /// Python's `headerRE` (`From `, a name of printable characters and a colon, or a
    /// leading blank), also allowing blanks before the colon (RFC 5322 obsolete syntax).
    static func isHeaderLine(_ bytes: [UInt8], _ line: ByteLine) -> Bool {
        guard !line.isEmpty else { return false }
        let first = bytes[line.start]
        if Bytes.isBlank(first) { return true }
        if Bytes.hasPrefix(bytes, at: line.start, end: line.contentEnd, fromPrefix) { return true }
        var index = line.start
        while index < line.contentEnd {
            let byte = bytes[index]
            if byte == 0x3A { return true }
            if Bytes.isBlank(byte) && index > line.start {
                // Obsolete syntax: blanks between the name and the colon.
                var probe = index
                while probe < line.contentEnd && Bytes.isBlank(bytes[probe]) { probe += 1 }
                return probe < line.contentEnd && bytes[probe] == 0x3A
            }
            if byte < 0x21 || byte > 0x7E { return false }
            index += 1
        }
        return false
    }

    private static let fromPrefix = Array("From ".utf8)

    private static func buildFields(_ bytes: [UInt8], _ lines: [ByteLine], into block: inout HeaderBlock) {
        var current: (name: String, valueStart: Int, end: Int)?
        func finish() {
            guard let field = current else { return }
            let range = field.valueStart..<field.end
            if bytes[range].contains(where: { $0 >= 0x80 }), String(validating: bytes[range], as: UTF8.self) == nil {
                block.eightBitFields.append((block.headers.fields.count, range))
            }
            let value = Bytes.unfold(Bytes.text(bytes[range]))
            var raw: [UInt8]?
            if bytes[range].contains(where: { $0 >= 0x80 }) { raw = Bytes.unfold(bytes[range]) }
            block.headers.fields.append(HeaderField(name: field.name, rawValue: value, rawBytes: raw))
            current = nil
        }
        for (number, line) in lines.enumerated() {
            if Bytes.isBlank(bytes[line.start]) {
                if current == nil {
                    block.defects.append("header section starts with a continuation line")
                } else {
                    current!.end = line.contentEnd
                }
                continue
            }
            finish()
            if Bytes.hasPrefix(bytes, at: line.start, end: line.contentEnd, fromPrefix) {
                if number == 0 { continue }
                if number == lines.count - 1 {
                    block.bodyPrefix = line.start..<line.next
                    continue
                }
                block.defects.append("misplaced envelope From line in headers")
                continue
            }
            guard let colon = bytes[line.start..<line.contentEnd].firstIndex(of: 0x3A), colon > line.start else {
                block.defects.append("header line without a field name")
                continue
            }
            var nameEnd = colon
            while nameEnd > line.start && Bytes.isBlank(bytes[nameEnd - 1]) { nameEnd -= 1 }
            let name = String(decoding: bytes[line.start..<nameEnd], as: UTF8.self)
            current = (name, colon + 1, line.contentEnd)
        }
        finish()
    }
}
