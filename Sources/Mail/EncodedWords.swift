/// RFC 2047 encoded words (`=?charset?Q?text?=`, `=?charset?B?text?=`) in header text.
///
/// Decoding is as lenient as mainstream readers: words are found anywhere (also inside other
/// words and quoted strings), the RFC 2231 language suffix (`=?utf-8*nl?Q?…?=`) is accepted,
/// white space between adjacent encoded words is dropped, and adjacent words in the same
/// charset are joined before decoding, so a character split over two words survives.
public enum EncodedWords {
    /// Longest encoded word looked at, in bytes; longer candidates are left as they are.
    static let maxWordLength = 4096

    /// The text with every encoded word decoded.
    public static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 8, containsMarker(bytes) else { return text }
        return decode(bytes: bytes) { String(decoding: $0, as: UTF8.self) }
    }

    /// The header value `bytes`, as it was on the wire, with every encoded word decoded.
    ///
    /// Raw 8-bit bytes inside an encoded word belong to the word's declared charset (as in
    /// Python's `email`): `=?iso-8859-1?Q?Fr<0xF6>sche?=` is "Frösche". Text outside encoded
    /// words is read by `literal` (UTF-8, or the charset the field is known to be written in).
    public static func decode(bytes: [UInt8], literal: ([UInt8]) -> String) -> String {
        guard bytes.count >= 8, containsMarker(bytes) else { return literal(bytes) }
        var result = ""
        var literalStart = 0
        var pending: (charset: String, bytes: [UInt8])?
        var index = 0
        func flushPending() {
            if let word = pending {
                result += Charsets.decode(word.bytes, charset: word.charset)
                pending = nil
            }
        }
        while index < bytes.count {
            guard bytes[index] == 0x3D, index + 1 < bytes.count, bytes[index + 1] == 0x3F,
                  let word = parseWord(bytes, at: index) else {
                index += 1
                continue
            }
            let between = bytes[literalStart..<index]
            let onlyBlanks = between.allSatisfy(Bytes.isSpace)
            if pending != nil && onlyBlanks {
                if pending!.charset.asciiLowercased() == word.charset.asciiLowercased() {
                    pending!.bytes += word.bytes
                } else {
                    flushPending()
                    pending = (word.charset, word.bytes)
                }
            } else {
                flushPending()
                result += literal(Array(between))
                pending = (word.charset, word.bytes)
            }
            index = word.end
            literalStart = index
        }
        flushPending()
        result += literal(Array(bytes[literalStart...]))
        return result
    }

    private static func containsMarker(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x3D && bytes[index + 1] == 0x3F { return true }
            index += 1
        }
        return false
    }

    /// The encoded word starting at `start` (at its `=?`): its charset, decoded bytes and end.
    static func parseWord(_ bytes: [UInt8], at start: Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        let limit = min(bytes.count, start + maxWordLength)
        var index = start + 2
        let charsetStart = index
        while index < limit && bytes[index] != 0x3F {
            if Bytes.isSpace(bytes[index]) || bytes[index] < 0x20 { return nil }
            index += 1
        }
        guard index < limit, index > charsetStart else { return nil }
        var charsetEnd = index
        if let star = bytes[charsetStart..<charsetEnd].firstIndex(of: 0x2A) { charsetEnd = star }
        guard charsetEnd > charsetStart else { return nil }
        let charset = String(decoding: bytes[charsetStart..<charsetEnd], as: UTF8.self)
        guard index + 2 < limit, bytes[index + 2] == 0x3F else { return nil }
        let mode = Bytes.lower(bytes[index + 1])
        guard mode == 0x62 || mode == 0x71 else { return nil }
        let textStart = index + 3
        index = textStart
        while index + 1 < limit {
            let byte = bytes[index]
            if byte == 0x3F && bytes[index + 1] == 0x3D { break }
            if byte == 0x0D || byte == 0x0A || byte == 0x3F { return nil }
            if mode == 0x62 && Bytes.isBlank(byte) { return nil }
            index += 1
        }
        guard index + 1 < limit else { return nil }
        let text = Array(bytes[textStart..<index])
        let decoded = mode == 0x62
            ? TransferDecoding.base64(text)
            : TransferDecoding.quotedPrintable(text, header: true)
        return (charset, decoded, index + 2)
    }
}
