/// Reads address lists (`From`, `Reply-To`, `To`, `Cc`) tolerantly: quoted and encoded display
/// names, comments (`addr (Name)`), groups (`Team: a@x, b@y;`), routes (`<@relay:a@x>`),
/// display names with unquoted commas (`Jansen, Jan <jan@x.nl>`) and bare addresses.
public enum AddressParser {
    /// Most mailboxes read from one header value.
    static let maxAddresses = 1000

    /// Every mailbox in `value` (a raw, undecoded header value), in order.
    public static func parseList(_ value: String) -> [MailAddress] {
        let chunks = mergeSplitNames(split(Array(value.utf8)))
        var result: [MailAddress] = []
        for chunk in chunks.prefix(maxAddresses) {
            if let address = parseMailbox(chunk) { result.append(address) }
        }
        return result
    }

    /// The first mailbox in `value`, or nil.
    public static func parse(_ value: String) -> MailAddress? {
        parseList(value).first
    }

    /// Splits at top-level commas and semicolons; drops group names before a colon.
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        var inAngle = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x22, 0x28:
                let end = skipQuotedOrComment(bytes, from: index)
                current += bytes[index..<end]
                index = end
                continue
            case 0x3D where index + 1 < bytes.count && bytes[index + 1] == 0x3F:
                if let word = EncodedWords.parseWord(bytes, at: index) {
                    current += bytes[index..<word.end]
                    index = word.end
                    continue
                }
            case 0x3C: inAngle = true
            case 0x3E: inAngle = false
            case 0x2C where !inAngle, 0x3B where !inAngle:
                chunks.append(current)
                current = []
                index += 1
                continue
            case 0x3A where !inAngle && !current.contains(0x40) && !current.contains(0x3C):
                current = []
                index += 1
                continue
            default: break
            }
            current.append(byte)
            index += 1
        }
        chunks.append(current)
        return chunks.filter { !$0.allSatisfy(Bytes.isSpace) }
    }

    /// End of the quoted string or (nested) comment starting at `start`.
    static func skipQuotedOrComment(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = bytes[start] == 0x22
        var depth = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x5C { index += 1; continue }
            if quote {
                if byte == 0x22 && index - 1 > start { return index }
            } else if byte == 0x28 {
                depth += 1
            } else if byte == 0x29 {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return bytes.count
    }

    /// Joins `Jansen` and ` Jan <jan@x.nl>` back into one mailbox.
    private static func mergeSplitNames(_ chunks: [[UInt8]]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var carry: [UInt8]?
        for chunk in chunks {
            let plainName = !chunk.contains(0x40) && !chunk.contains(0x3C)
            if var pending = carry {
                pending += [0x2C] + chunk
                if plainName { carry = pending; continue }
                result.append(chunk.contains(0x3C) ? pending : chunk)
                carry = nil
                continue
            }
            if plainName { carry = chunk; continue }
            result.append(chunk)
        }
        if let pending = carry { result.append(pending) }
        return result
    }

    /// One mailbox from its text.
    static func parseMailbox(_ bytes: [UInt8]) -> MailAddress? {
        var phrase: [String] = []
        var comments: [String] = []
        var angle: [UInt8]?
        var bare: [UInt8] = []
        var index = 0
        var word: [UInt8] = []
        func endWord() {
            if !word.isEmpty { phrase.append(Bytes.text(word)); word = [] }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                endWord()
                let end = skipQuotedOrComment(bytes, from: index)
                let inner = unescape(Array(bytes[(index + 1)..<max(index + 1, end - (bytes[end - 1] == 0x22 ? 1 : 0))]))
                phrase.append(Bytes.text(inner))
                bare += bytes[index..<end]
                index = end
            } else if byte == 0x28 {
                endWord()
                let end = skipQuotedOrComment(bytes, from: index)
                let innerEnd = max(index + 1, end - (bytes[end - 1] == 0x29 ? 1 : 0))
                comments.append(Bytes.text(unescape(Array(bytes[(index + 1)..<innerEnd]))))
                index = end
            } else if byte == 0x3C && angle == nil {
                endWord()
                let end = bytes[index...].firstIndex(of: 0x3E) ?? bytes.count
                angle = Array(bytes[(index + 1)..<end])
                index = min(end + 1, bytes.count)
            } else if Bytes.isSpace(byte) {
                endWord()
                bare.append(0x20)
                index += 1
            } else {
                word.append(byte)
                bare.append(byte)
                index += 1
            }
        }
        endWord()
        if let angle {
            return mailbox(name: phrase.joined(separator: " "), comment: comments.first, address: routeless(angle))
        }
        let words = Bytes.text(bare).split(separator: " ").map(String.init)
        if words.count > 1, let addressWord = words.firstIndex(where: { $0.contains("@") }) {
            var nameWords = words
            nameWords.remove(at: addressWord)
            let name = phrase.filter { !$0.contains("@") }.joined(separator: " ")
            return mailbox(name: name.isEmpty ? nameWords.joined(separator: " ") : name,
                           comment: comments.first, address: words[addressWord])
        }
        return mailbox(name: "", comment: comments.first, address: words.joined())
    }

    private static func mailbox(name: String, comment: String?, address: String) -> MailAddress? {
        var display = collapse(EncodedWords.decode(name))
        if display.isEmpty, let comment { display = collapse(EncodedWords.decode(comment)) }
        if display.count >= 2, let first = display.first, first == "'" || first == "\"", display.last == first {
            display = collapse(String(display.dropFirst().dropLast()))
        }
        let cleanAddress = address.filter { !$0.isWhitespace }
        if cleanAddress.isEmpty && display.isEmpty { return nil }
        return MailAddress(name: display.isEmpty ? nil : display, address: cleanAddress)
    }

    /// The address inside angle brackets, without a source route and comments.
    private static func routeless(_ bytes: [UInt8]) -> String {
        var text = Bytes.text(bytes)
        if text.trimmingBlanks().hasPrefix("@"), let colon = text.firstIndex(of: ":") {
            text = String(text[text.index(after: colon)...])
        }
        return text.replacingComments()
    }

    private static func unescape(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x5C && index + 1 < bytes.count { index += 1 }
            output.append(bytes[index])
            index += 1
        }
        return output
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension String {
    /// The string with parenthesized comments removed.
    func replacingComments() -> String {
        guard contains("(") else { return self }
        var result = ""
        var depth = 0
        for character in self {
            if character == "(" { depth += 1; continue }
            if character == ")" && depth > 0 { depth -= 1; continue }
            if depth == 0 { result.append(character) }
        }
        return result
    }
}
