/// What WebVTT and SRT share: lines, timing lines and cue text markup.
enum CueParsing {
    /// The text without a BOM, with LF line breaks, split into lines.
    static func lines(_ text: String) -> [Substring] {
        var body = text.replacingLineBreaks()
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        // Split on the UTF-8 view: "\n" is one byte, and this skips grapheme breaking.
        let utf8 = body.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                lines.append(Substring(utf8[start..<index]))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        lines.append(Substring(utf8[start..<utf8.endIndex]))
        return lines
    }

    /// True for an empty or blank line.
    static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy(isSpace)
    }

    /// `Character.isWhitespace`, with a fast path for ASCII.
    static func isSpace(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii == 0x20 || (0x09...0x0D).contains(ascii) }
        return character.isWhitespace
    }

    /// True for a line that holds a timing arrow.
    static func isTiming(_ line: Substring) -> Bool {
        arrow(in: line) != nil
    }

    /// The range of the first `-->` in `line`.
    private static func arrow(in line: Substring) -> Range<Substring.Index>? {
        let utf8 = line.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "-"), utf8[index...].starts(with: "-->".utf8) {
                return index..<utf8.index(index, offsetBy: 3)
            }
            index = utf8.index(after: index)
        }
        return nil
    }

    /// Start and end of a timing line (`00:01.000 --> 00:04.250 align:start`); settings
    /// after the end time are ignored. `,` and `.` are both accepted before the fraction.
    static func timing(_ line: Substring, lineNumber: Int) throws(NormalizeError) -> (Double, Double) {
        guard let arrow = arrow(in: line) else {
            throw .invalidTranscript(line: lineNumber, reason: "expected a cue timing")
        }
        let startText = line[..<arrow.lowerBound].trimmingSpaces
        let endText = line[arrow.upperBound...].split(whereSeparator: isSpace).first.map(String.init) ?? ""
        guard let start = timestamp(startText), let end = timestamp(endText) else {
            throw .invalidTranscript(line: lineNumber, reason: "invalid cue timing '\(line.prefix(60))'")
        }
        guard end >= start else {
            throw .invalidTranscript(line: lineNumber, reason: "cue ends before it starts")
        }
        return (start, end)
    }

    /// Seconds from `[hh:]mm:ss[.,]fff`; nil when malformed.
    static func timestamp(_ text: String) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let secondsPart = parts[parts.count - 1]
        let pieces = secondsPart.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," }
        guard pieces.count <= 2, let seconds = integer(pieces[0], maxDigits: 2), seconds < 60,
              let minutes = integer(parts[parts.count - 2], maxDigits: parts.count == 3 ? 2 : 4)
        else { return nil }
        var hours = 0
        if parts.count == 3 {
            guard let value = integer(parts[0], maxDigits: 4), minutes < 60 else { return nil }
            hours = value
        }
        var fraction = 0.0
        if pieces.count == 2 {
            guard let value = integer(pieces[1], maxDigits: 9) else { return nil }
            fraction = Double(value) / pow10(pieces[1].count)
        }
        return Double(hours * 3600 + minutes * 60 + seconds) + fraction
    }

    private static func integer(_ text: Substring, maxDigits: Int) -> Int? {
        guard !text.isEmpty, text.count <= maxDigits, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// Cue payload lines as plain text: tags (`<v Beller>`, `<i>`, `<00:01.000>`) and SRT
    /// style overrides (`{\an8}`) removed, entities decoded, whitespace collapsed. Also
    /// returns the first voice tag's speaker.
    static func plainText(_ lines: [Substring]) -> (text: String, speaker: String?) {
        var output = ""
        var speaker: String?
        let joined = Array(lines.joined(separator: " "))
        var index = 0
        while index < joined.count {
            let character = joined[index]
            if character == "<", let close = joined[index...].firstIndex(of: ">"), close - index <= 200 {
                let tag = String(joined[(index + 1)..<close])
                if speaker == nil, let space = tag.firstIndex(where: \.isWhitespace),
                   tag[..<space] == "v" || tag[..<space].hasPrefix("v.") {
                    let name = tag[space...].trimmingSpaces
                    if !name.isEmpty { speaker = name }
                }
                index = close + 1
            } else if character == "{", index + 1 < joined.count, joined[index + 1] == "\\",
                      let close = joined[index...].firstIndex(of: "}") {
                index = close + 1
            } else if character == "&", let (decoded, length) = entity(joined, at: index) {
                output.append(decoded)
                index += length
            } else {
                output.append(character)
                index += 1
            }
        }
        return (output.split(whereSeparator: isSpace).joined(separator: " "), speaker)
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "lrm": "", "rlm": "",
    ]

    /// Decodes `&amp;`, `&#233;` or `&#xE9;` at `index`: the text and its length.
    private static func entity(_ characters: [Character], at index: Int) -> (String, Int)? {
        let limit = min(characters.count, index + 12)
        guard let semicolon = characters[index..<limit].firstIndex(of: ";") else { return nil }
        let name = String(characters[(index + 1)..<semicolon])
        let length = semicolon - index + 1
        if let value = namedEntities[name] { return (value, length) }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let code = digits.first == "x" || digits.first == "X"
            ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let code, code != 0, let scalar = Unicode.Scalar(code) else { return nil }
        return (String(Character(scalar)), length)
    }
}
