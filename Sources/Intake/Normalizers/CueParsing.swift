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

    /// Longest tag or style override (`<…>`, `{\…}`) that is removed, in bytes; a `<` or
    /// `{\` without its close within this reach is text. The bound keeps the scan linear.
    static let maxMarkupBytes = 200

    /// Cue payload lines as plain text: tags (`<v Beller>`, `<i>`, `<00:01.000>`) and SRT
    /// style overrides (`{\an8}`) removed, entities decoded, whitespace collapsed. Also
    /// returns the first voice tag's speaker.
    ///
    /// Works on the UTF-8 bytes (all markup is ASCII), so a long cue costs about its own size.
    static func plainText(_ lines: [Substring]) -> (text: String, speaker: String?) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(lines.count) { $0 + $1.utf8.count })
        for (number, line) in lines.enumerated() {
            if number > 0 { bytes.append(0x20) }
            bytes.append(contentsOf: line.utf8)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var speaker: String?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), let close = find(UInt8(ascii: ">"), in: bytes, after: index) {
                let tag = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                if speaker == nil, let space = tag.firstIndex(where: \.isWhitespace),
                   tag[..<space] == "v" || tag[..<space].hasPrefix("v.") {
                    let name = tag[space...].trimmingSpaces
                    if !name.isEmpty { speaker = name }
                }
                index = close + 1
            } else if byte == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\"),
                      let close = find(UInt8(ascii: "}"), in: bytes, after: index) {
                index = close + 1
            } else if byte == UInt8(ascii: "&"), let (decoded, length) = entity(bytes, at: index) {
                output.append(contentsOf: decoded.utf8)
                index += length
            } else {
                output.append(byte)
                index += 1
            }
        }
        return (collapsingSpaces(String(decoding: output, as: UTF8.self)), speaker)
    }

    /// Index of `byte` after `start`, within ``maxMarkupBytes``.
    private static func find(_ byte: UInt8, in bytes: [UInt8], after start: Int) -> Int? {
        let end = min(bytes.count, start + 1 + maxMarkupBytes)
        return bytes[(start + 1)..<end].firstIndex(of: byte)
    }

    /// Runs of white space as one space, none at either end.
    private static func collapsingSpaces(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if isSpace(character) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "lrm": "", "rlm": "",
    ]

    /// Decodes `&amp;`, `&#233;` or `&#xE9;` at `index`: the text and its length.
    private static func entity(_ bytes: [UInt8], at index: Int) -> (String, Int)? {
        let limit = min(bytes.count, index + 12)
        guard let semicolon = bytes[index..<limit].firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let name = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
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
