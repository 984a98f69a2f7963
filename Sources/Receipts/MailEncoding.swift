import Foundation

/// The encodings a receipt is written in: quoted-printable bodies (RFC 2045) and RFC 2047
/// encoded words for header text that is not plain ASCII.
public enum MailEncoding {
    /// `text` as quoted-printable UTF-8 with CRLF line breaks: lines of at most 76 characters
    /// (soft breaks `=`), `=`, non-ASCII and control bytes as `=XX`, blanks before a line break
    /// encoded.
    public static func quotedPrintable(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var out: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var encoded = ""
            var length = 0
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let plain = (byte >= 0x21 && byte <= 0x7E && byte != 0x3D) || ((byte == 0x20 || byte == 0x09) && !last)
                let piece = plain ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                if length + piece.count > 75 {
                    encoded += "=\r\n"
                    length = 0
                }
                encoded += piece
                length += piece.count
            }
            out.append(encoded)
        }
        return out.joined(separator: "\r\n")
    }

    /// A header field `name: value`, folded: ASCII text as it is (folded at spaces), other text
    /// as RFC 2047 `=?UTF-8?B?...?=` words of at most 75 characters, never splitting a character.
    /// Line breaks in `value` become spaces (no header injection).
    public static func header(_ name: String, _ value: String) -> String {
        let flat = value.map { $0.isNewline ? " " : String($0) }.joined()
        let isPlain = flat.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && !flat.contains("=?")
        let words = isPlain ? flat.split(separator: " ", omittingEmptySubsequences: false).map(String.init) : encodedWords(flat)
        var result = name + ":"
        var lineLength = result.utf8.count
        for word in words {
            if lineLength + 1 + word.utf8.count > 76, lineLength > name.utf8.count + 1 {
                result += "\r\n"
                lineLength = 0
            }
            result += " " + word
            lineLength += 1 + word.utf8.count
        }
        return result
    }

    /// `text` as RFC 2047 B-encoded UTF-8 words, each at most 75 characters.
    public static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        let maxBytes = 39  // 52 base64 characters + 12 for "=?UTF-8?B??=": 64, and 73 after "Subject: "
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// `date` as an RFC 5322 date-time in UTC: `Sun, 29 Nov 2026 10:15:00 +0000`.
    public static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
