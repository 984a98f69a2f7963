/// Reads INI text line by line into ``IniSection``s, collecting syntax errors as it goes.
struct IniLexer {
    /// Message for a `"` that is never closed; shared with ``SignalParser`` so that the same
    /// mistake is reported once.
    static let unbalancedQuote = "unbalanced quote: this '\"' is never closed"

    let path: String
    private(set) var sections: [IniSection] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    /// Lexes the whole text.
    mutating func run(_ text: String) {
        var lines = Self.lines(text)
        if let first = lines.first?.first, first == "\u{FEFF}" {
            lines[0].removeFirst()
        }
        var index = 0
        while index < lines.count {
            let chars = lines[index]
            let lineNumber = index + 1
            index += 1
            guard let start = chars.firstIndex(where: { !$0.isConfigSpace }), chars[start] != "#" else { continue }
            if chars[start] == "[" {
                header(chars, open: start, line: lineNumber)
            } else {
                entry(lines, next: &index, chars: chars, start: start, line: lineNumber)
            }
        }
    }

    /// The text's lines as characters, split at `"\n"` and `"\r\n"`. A line feed is always a
    /// character of its own (or the end of `"\r\n"`), so the lines are found in the bytes; an
    /// ASCII line's characters are its bytes.
    private static func lines(_ text: String) -> [[Character]] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [[Character]] = []
            var start = 0
            while true {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                var lineEnd = end
                if end < bytes.count && lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])
                if line.allSatisfy({ $0 < 0x80 }) {
                    lines.append(line.map { Character(Unicode.Scalar($0)) })
                } else {
                    lines.append(Array(String(decoding: line, as: UTF8.self)))
                }
                guard end < bytes.count else { return lines }
                start = end + 1
            }
        }
    }

    private func location(_ line: Int, _ index: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: index + 1)
    }

    private mutating func error(_ message: String, _ line: Int, _ index: Int) {
        diagnostics.append(.error(message, at: location(line, index)))
    }

    // MARK: Section headers

    private mutating func header(_ chars: [Character], open: Int, line: Int) {
        var end = chars.count
        for i in (open + 1)..<chars.count where chars[i] == "#" && chars[i - 1].isConfigSpace {
            end = i
            break
        }
        while end > open + 1 && chars[end - 1].isConfigSpace { end -= 1 }

        var problems: [(index: Int, message: String)] = []
        let innerEnd: Int
        if let close = chars[(open + 1)..<end].firstIndex(of: "]") {
            innerEnd = close
            if let extra = chars[(close + 1)..<end].firstIndex(where: { !$0.isConfigSpace }) {
                let text = String(configCharacters: chars[extra..<end])
                problems.append((extra, "malformed section header: unexpected '\(text)' after ']'"))
            }
        } else {
            innerEnd = end
            problems.append((end, "malformed section header: missing ']'"))
        }

        let words = Self.words(chars, from: open + 1, to: innerEnd)
        guard let kindWord = words.first else {
            problems.append((open, "malformed section header: no section kind in '[]'"))
            report(problems, line: line)
            sections.append(IniSection(kind: "", name: nil, location: location(line, open),
                                       kindLocation: location(line, open), nameLocation: nil, isMalformed: true))
            return
        }
        let kind = String(configCharacters: chars[kindWord])
        if let bad = kindWord.first(where: { !Self.isKindCharacter(chars[$0], first: $0 == kindWord.lowerBound) }) {
            problems.append((bad, "malformed section header: invalid character '\(chars[bad])' in section kind"))
        }
        var name: String?
        var nameLocation: SourceLocation?
        if words.count > 1 {
            let nameWord = words[1]
            name = String(configCharacters: chars[nameWord])
            nameLocation = location(line, nameWord.lowerBound)
            if let bad = nameWord.first(where: { !Self.isNameCharacter(chars[$0]) }) {
                problems.append((bad, "malformed section header: invalid character '\(chars[bad])' in section name "
                                 + "(use letters, digits, '-', '_' and '.')"))
            }
        }
        if words.count > 2 {
            let spaced = String(chars[words[1].lowerBound..<words[words.count - 1].upperBound])
            problems.append((words[2].lowerBound,
                             "malformed section header: a section name cannot contain spaces ('\(spaced)')"))
        }
        report(problems, line: line)
        sections.append(IniSection(kind: kind, name: name, location: location(line, open),
                                   kindLocation: location(line, kindWord.lowerBound), nameLocation: nameLocation,
                                   isMalformed: !problems.isEmpty))
    }

    /// Reports the leftmost of a header's problems: one error per header line.
    private mutating func report(_ problems: [(index: Int, message: String)], line: Int) {
        if let first = problems.min(by: { $0.index < $1.index }) {
            error(first.message, line, first.index)
        }
    }

    private static func words(_ chars: [Character], from start: Int, to end: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = start
        while i < end {
            if chars[i].isConfigSpace { i += 1; continue }
            let wordStart = i
            while i < end && !chars[i].isConfigSpace { i += 1 }
            result.append(wordStart..<i)
        }
        return result
    }

    private static func isKindCharacter(_ c: Character, first: Bool) -> Bool {
        first ? c.isConfigLetter : (c.isLetterOrNumber || c == "-")
    }

    private static func isNameCharacter(_ c: Character) -> Bool {
        c.isLetterOrNumber || c == "-" || c == "_" || c == "."
    }

    static func isKeyCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetterOrNumber || c == "-" || c == "_" || c == ".")
    }

    // MARK: Entries

    private mutating func entry(_ lines: [[Character]], next index: inout Int, chars: [Character],
                                start: Int, line: Int) {
        // The key ends at the first '='; a comment or the line's end before it means no '='.
        var equals: Int?
        var stop = chars.count
        for i in start..<chars.count {
            if chars[i] == "=" { equals = i; break }
            if chars[i] == "#" && chars[i - 1].isConfigSpace { stop = i; break }
        }
        guard let equals else {
            var wordEnd = start
            while wordEnd < stop && !chars[wordEnd].isConfigSpace { wordEnd += 1 }
            var next = wordEnd
            while next < stop && chars[next].isConfigSpace { next += 1 }
            let word = String(configCharacters: chars[start..<wordEnd])
            error("missing '=' after '\(word)' (expected 'key = value')", line, next < stop ? next : wordEnd)
            return
        }
        var keyEnd = equals
        while keyEnd > start && chars[keyEnd - 1].isConfigSpace { keyEnd -= 1 }
        let key = String(configCharacters: chars[start..<keyEnd])
        var keyProblem: String?
        if key.isEmpty {
            error("missing key before '='", line, equals)
            keyProblem = ""
        } else if !key.allSatisfy(Self.isKeyCharacter) {
            let hint = key.contains(where: \.isConfigSpace) ? " (keys contain no spaces)" : ""
            keyProblem = "malformed key '\(key)'\(hint)"
        } else if sections.isEmpty {
            keyProblem = "key '\(key)' outside any section\(Self.sectionHint(for: key))"
        }
        if let keyProblem, !keyProblem.isEmpty {
            error(keyProblem, line, start)
        }
        let (value, unbalanced) = readValue(lines, next: &index, chars: chars, from: equals + 1, line: line)
        if keyProblem == nil {
            sections[sections.count - 1].entries.append(
                IniEntry(key: key, keyLocation: location(line, start), value: value, hasUnbalancedQuote: unbalanced))
        }
    }

    /// A hint naming the section a key outside any section belongs in.
    private static func sectionHint(for key: String) -> String {
        let kinds = ConfigSchema.sections.filter { $0.key(named: key) != nil }.map(\.headerExample)
        return kinds.isEmpty ? " (put it under a section header)" : " (it belongs under \(kinds.joined(separator: " or ")))"
    }

    /// Reads a value from `from` on, following continuation lines (a trailing `\`), dropping
    /// comments and tracking quotes.
    private mutating func readValue(_ lines: [[Character]], next index: inout Int, chars: [Character],
                                    from valueStart: Int, line firstLine: Int) -> (IniValue, Bool) {
        var valueChars: [Character] = []
        var pieces: [IniValue.Piece] = []
        var inQuote = false
        var quoteOpen = location(firstLine, valueStart)
        var lineChars = chars
        var lineNumber = firstLine
        var segmentStart = valueStart
        var emptyColumn: Int?
        reading: while true {
            var end = lineChars.count
            var i = segmentStart
            while i < lineChars.count {
                let c = lineChars[i]
                if c == "\"" {
                    inQuote.toggle()
                    if inQuote { quoteOpen = location(lineNumber, i) }
                } else if c == "#" && !inQuote && (i == 0 || lineChars[i - 1].isConfigSpace) {
                    end = i
                    break
                }
                i += 1
            }
            var lo = segmentStart
            while lo < end && lineChars[lo].isConfigSpace { lo += 1 }
            var hi = end
            while hi > lo && lineChars[hi - 1].isConfigSpace { hi -= 1 }
            if emptyColumn == nil { emptyColumn = lo + 1 }
            var continues = false
            if hi > lo && lineChars[hi - 1] == "\\" {
                continues = true
                hi -= 1
                while hi > lo && lineChars[hi - 1].isConfigSpace { hi -= 1 }
            }
            if lo < hi {
                if !valueChars.isEmpty { valueChars.append(" ") }
                pieces.append(.init(offset: valueChars.count, line: lineNumber, column: lo + 1))
                valueChars.append(contentsOf: lineChars[lo..<hi])
            }
            guard continues else { break }
            while index < lines.count {
                let candidate = lines[index]
                index += 1
                guard let first = candidate.firstIndex(where: { !$0.isConfigSpace }) else { break reading }
                if candidate[first] == "#" && !inQuote { continue }
                lineChars = candidate
                lineNumber = index
                segmentStart = 0
                continue reading
            }
            break
        }
        if pieces.isEmpty {
            pieces.append(.init(offset: 0, line: firstLine, column: emptyColumn ?? valueStart + 1))
        }
        if inQuote {
            diagnostics.append(.error(Self.unbalancedQuote, at: quoteOpen))
        }
        return (IniValue(characters: valueChars, pieces: pieces, path: path), inQuote)
    }
}
