/// Parses signal lists: `signals = lantaarnpaal:3, stank*, "losse tegel":2, lachgas:-4`.
///
/// Every entry is checked on its own; a bad entry is reported at its own column and left out,
/// and the entries around it are still parsed. The syntax is documented in `docs/routing.conf.md`.
public enum SignalParser {
    /// Lowest and highest weight.
    public static let weightRange = -100...100

    /// A written weight: an optional sign, digits, and at most three decimals after a point
    /// (`3`, `-2`, `+1`, `0.25`, `-1.125`); nil for anything else.
    static func weight(_ written: String) -> Double? {
        var digits = Substring(written)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.count == 1 || (1...3).contains(parts[1].count) else { return nil }
        return Double(written)
    }

    /// Parses a one-line signal list that starts at `location`. With `weighted: false`
    /// (urgent words) a `:WEIGHT` is an error.
    public static func parse(_ text: String, at location: SourceLocation,
                             weighted: Bool = true) -> (signals: [Signal], diagnostics: [Diagnostic]) {
        parse(IniValue(text, at: location), weighted: weighted)
    }

    /// Parses a signal list value.
    public static func parse(_ value: IniValue, weighted: Bool = true) -> (signals: [Signal], diagnostics: [Diagnostic]) {
        if let signals = ASCIISignalList.parse(value, weighted: weighted) { return (signals, []) }
        return parseCharacters(value, weighted: weighted)
    }

    /// Parses a signal list value a `Character` at a time, reporting every mistake.
    static func parseCharacters(_ value: IniValue, weighted: Bool) -> (signals: [Signal], diagnostics: [Diagnostic]) {
        let chars = value.characters
        if chars.allSatisfy(\.isConfigSpace) {
            return ([], [.error("empty signal list", at: value.location)])
        }
        var signals: [Signal] = []
        var diagnostics: [Diagnostic] = []
        var inQuote = false
        var quoteOpen = 0
        var entryStart = 0
        var commas: [Int] = []
        var ranges: [Range<Int>] = []
        for i in chars.indices {
            if chars[i] == "\"" {
                inQuote.toggle()
                if inQuote { quoteOpen = i }
            } else if chars[i] == "," && !inQuote {
                ranges.append(entryStart..<i)
                commas.append(i)
                entryStart = i + 1
            }
        }
        if !inQuote { ranges.append(entryStart..<chars.count) }
        for (n, range) in ranges.enumerated() {
            let entry = EntryParser(chars: chars, value: value, weighted: weighted)
            switch entry.parse(range, comma: n < commas.count ? commas[n] : (commas.last ?? 0)) {
            case .success(let signal): signals.append(signal)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        if inQuote {
            diagnostics.append(.error(IniLexer.unbalancedQuote, at: value.location(at: quoteOpen)))
        }
        return (signals, diagnostics)
    }
}

/// Parses one entry of a signal list.
private struct EntryParser {
    let chars: [Character]
    let value: IniValue
    let weighted: Bool

    private func fail<T>(_ message: String, _ offset: Int) -> Result<T, Diagnostic> {
        .failure(.error(message, at: value.location(at: offset)))
    }

    /// Parses `range`; `comma` is the comma that ends the entry (or, for the last, precedes it).
    func parse(_ range: Range<Int>, comma: Int) -> Result<Signal, Diagnostic> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && chars[lo].isConfigSpace { lo += 1 }
        while hi > lo && chars[hi - 1].isConfigSpace { hi -= 1 }
        if lo == hi { return fail("empty signal entry (a stray ',')", comma) }

        // The weight follows the last ':' outside quotes.
        var colon: Int?
        var inQuote = false
        for i in lo..<hi {
            if chars[i] == "\"" { inQuote.toggle() } else if chars[i] == ":" && !inQuote { colon = i }
        }
        var patternEnd = hi
        if let colon {
            patternEnd = colon
            while patternEnd > lo && chars[patternEnd - 1].isConfigSpace { patternEnd -= 1 }
        }
        if patternEnd == lo { return fail("missing signal before ':'", lo) }

        let pattern: SignalPattern
        switch chars[lo] == "\"" ? phrase(lo, patternEnd) : word(lo, patternEnd) {
        case .success(let parsed): pattern = parsed
        case .failure(let error): return .failure(error)
        }

        var weight: Double = 1
        if let colon {
            if !weighted { return fail("urgent words take no weight: remove ':\(text(colon + 1, hi))'", colon) }
            var start = colon + 1
            while start < hi && chars[start].isConfigSpace { start += 1 }
            let written = text(start, hi)
            guard !written.isEmpty else { return fail("missing weight after ':'", colon) }
            guard let number = SignalParser.weight(written) else {
                return fail("invalid weight '\(written)' (expected a number from -100 to 100, such as 3 or 0.25, "
                            + "with at most three decimals)", start)
            }
            if number == 0 { return fail("weight 0 is not allowed (use a weight from -100 to 100 other than 0)", start) }
            guard number >= Double(SignalParser.weightRange.lowerBound), number <= Double(SignalParser.weightRange.upperBound) else {
                return fail("weight \(written) is out of range -100..100", start)
            }
            weight = number
        }
        return .success(Signal(pattern: pattern, weight: weight, text: text(lo, patternEnd),
                               location: value.location(at: lo)))
    }

    private func text(_ lo: Int, _ hi: Int) -> String {
        String(configCharacters: chars[lo..<max(lo, hi)])
    }

    /// `"twee woorden"`.
    private func phrase(_ lo: Int, _ hi: Int) -> Result<SignalPattern, Diagnostic> {
        guard let close = chars[(lo + 1)..<hi].firstIndex(of: "\"") else {
            return fail(IniLexer.unbalancedQuote, lo)
        }
        if close + 1 < hi {
            var extra = close + 1
            while chars[extra].isConfigSpace { extra += 1 }
            return fail("unexpected '\(text(extra, hi))' after the closing quote", extra)
        }
        var words: [String] = []
        var letters = 0
        var i = lo + 1
        while i < close {
            if chars[i].isConfigSpace { i += 1; continue }
            let start = i
            while i < close && !chars[i].isConfigSpace { i += 1 }
            for j in start..<i where chars[j] == "*" || chars[j] == "=" {
                return fail("'\(chars[j])' is not allowed inside a quoted phrase", j)
            }
            if let problem = wordProblem(start, i) { return .failure(problem) }
            letters += (start..<i).filter { chars[$0].isLetterOrNumber }.count
            words.append(text(start, i))
        }
        if words.isEmpty { return fail("empty phrase", lo) }
        if letters < 2 { return fail("signal \(text(lo, hi)) is shorter than 2 letters", lo) }
        return .success(.phrase(words))
    }

    /// `woord`, `=woord`, `woord*`, `*woord`, `*woord*`.
    private func word(_ lo: Int, _ hi: Int) -> Result<SignalPattern, Diagnostic> {
        let written = text(lo, hi)
        if let curly = (lo..<hi).first(where: { chars[$0].configASCII == nil && "\u{201C}\u{201D}\u{201E}".contains(chars[$0]) }) {
            return fail("invalid character '\(chars[curly])' in signal (use straight double quotes for a phrase)", curly)
        }
        if (lo..<hi).contains(where: { chars[$0].isConfigSpace }) {
            return fail("signal '\(written)' contains a space; quote a phrase: \"\(written)\"", lo)
        }
        if let quote = (lo..<hi).first(where: { chars[$0] == "\"" }) {
            return fail("a quote must enclose the whole phrase: '\(written)'", quote)
        }
        let exact = chars[lo] == "="
        var start = exact ? lo + 1 : lo
        var end = hi
        if let equals = (start..<hi).first(where: { chars[$0] == "=" }) {
            let hasStar = (lo..<hi).contains { chars[$0] == "*" }
            return fail(hasStar ? "'=' cannot be combined with '*'" : "'=' is only allowed at the start of a signal",
                        equals)
        }
        if exact, let star = (start..<hi).first(where: { chars[$0] == "*" }) {
            return fail("'=' cannot be combined with '*'", star)
        }
        let headStar = start < end && chars[start] == "*"
        if headStar { start += 1 }
        let tailStar = end > start && chars[end - 1] == "*"
        if tailStar { end -= 1 }
        if let star = (start..<end).first(where: { chars[$0] == "*" }) {
            return fail("'*' is only allowed at the start or end of a signal", star)
        }
        if let problem = wordProblem(start, end) { return .failure(problem) }
        if (start..<end).filter({ chars[$0].isLetterOrNumber }).count < 2 {
            return fail("signal '\(written)' is shorter than 2 letters", lo)
        }
        let body = text(start, end)
        switch (exact, headStar, tailStar) {
        case (true, _, _): return .success(.exact(body))
        case (false, true, true): return .success(.inside(body))
        case (false, true, false): return .success(.tail(body))
        case (false, false, true): return .success(.head(body))
        case (false, false, false): return .success(.word(body))
        }
    }

    /// The first character of a word that is not a letter, digit or inner `-` / `'`.
    private func wordProblem(_ lo: Int, _ hi: Int) -> Diagnostic? {
        for i in lo..<hi {
            let c = chars[i]
            if c.isLetterOrNumber { continue }
            if c == "-" || c == "'" || c == "\u{2019}" {
                if i == lo || i == hi - 1 {
                    return .error("'\(c)' is only allowed inside a word", at: value.location(at: i))
                }
                continue
            }
            return .error("invalid character '\(c)' in signal: signals are words of letters and digits "
                          + "with inner '-' or '\\''", at: value.location(at: i))
        }
        return nil
    }
}
