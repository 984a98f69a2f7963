import Text

/// The terms `learn` can weigh, exactly as the router matches them: stems (a `word` signal)
/// and pairs of adjacent stems within a sentence (a `"two words"` signal).
///
/// Terms are numbered in order of first appearance, so the same examples always give the same
/// numbers; each remembers the folded forms it was written in, to be shown by its most common one.
struct TermTable: Sendable {
    /// A term: one stem, or two adjacent ones.
    struct Term: Sendable, Hashable {
        let stems: [String]
    }

    private(set) var terms: [Term] = []
    private var ids: [Term: Int] = [:]
    /// How often each stem was written in each folded form.
    private var forms: [String: [String: Int]] = [:]
    /// How often each stem was written with a capital inside a sentence, as names are.
    private var capitalised: [String: Int] = [:]
    private let analyzer = TextAnalyzer()

    /// The distinct term numbers of `text`, ascending; new terms are added to the table.
    mutating func add(_ text: String) -> [Int32] {
        var found = Set<Int32>()
        var written: [(stem: String, form: String, capital: Bool)] = []
        Self.forEachTerm(in: text, analyzer: analyzer, form: { written.append(($0, $1, $2)) }) { term in
            if let id = ids[term] {
                found.insert(Int32(id))
            } else {
                ids[term] = terms.count
                found.insert(Int32(terms.count))
                terms.append(term)
            }
        }
        for (stem, form, capital) in written {
            forms[stem, default: [:]][form, default: 0] += 1
            if capital { capitalised[stem, default: 0] += 1 }
        }
        return found.sorted()
    }

    /// The signal entry that matches exactly term `id` (`lantaarnpaal`, `"staat op"`), or nil
    /// when no written form analyses back to the same stems, or when a word of it is mostly
    /// written with a capital inside a sentence: a street, a shop or a writer's name says where or
    /// who, not what, and would not carry over to other reports.
    func signalText(_ id: Int) -> String? {
        let term = terms[id]
        var words: [String] = []
        for stem in term.stems {
            let written = forms[stem]?.values.reduce(0, +) ?? 0
            if 2 * (capitalised[stem] ?? 0) >= written { return nil }
            guard let form = commonestForm(of: stem) else { return nil }
            words.append(form)
        }
        let text = words.joined(separator: " ")
        let analysed = analyzer.analyze(text)
        let stems = analysed.tokens.map { Self.word(analysed.stems, at: $0.stemStart) }
        guard stems == term.stems else { return nil }
        return term.stems.count == 1 ? text : "\"" + text + "\""
    }

    private func commonestForm(of stem: String) -> String? {
        forms[stem]?.max { left, right in left.value != right.value ? left.value < right.value : left.key > right.key }?.key
    }

    /// Calls `body` with every term of `text` (repeats included), and `form` with every
    /// content word's stem, folded form, and whether it starts with a capital inside a sentence.
    private static func forEachTerm(in text: String, analyzer: TextAnalyzer, form: ((String, String, Bool) -> Void)? = nil,
                                    _ body: (Term) -> Void) {
        let analysed = analyzer.analyze(text)
        var previous: (stem: String, end: Int, function: Bool)?
        let original = Array(text.utf8)
        var sentenceEnd = -1
        for token in analysed.tokens {
            // Inside a sentence when the stem stream has no break since the word before.
            let inside = token.stemStart == sentenceEnd + 1
            let first = original[token.original.lowerBound]
            let capital = inside && ((first >= 0x41 && first <= 0x5A) || first == 0xC3 && original.count > token.original.lowerBound + 1
                && (0x80...0x9E).contains(original[token.original.lowerBound + 1]))
            let stem = Self.word(analysed.stems, at: token.stemStart)
            let folded = Self.word(analysed.folded, at: token.foldedStart)
            sentenceEnd = token.stemStart + stem.utf8.count
            guard stem.count >= 2, !folded.contains(where: \.isNumber) else {
                previous = nil
                continue
            }
            form?(stem, folded, capital)
            let function = FunctionWords.all.contains(folded) || FunctionWords.all.contains(stem)
            if !function { body(Term(stems: [stem])) }
            // Adjacent in the stem stream: one space apart, no sentence break between.
            if let previous, previous.end + 1 == token.stemStart, !(previous.function && function),
               !FunctionWords.articles.contains(previous.stem), !FunctionWords.articles.contains(folded) {
                body(Term(stems: [previous.stem, stem]))
            }
            previous = (stem, token.stemStart + stem.utf8.count, function)
        }
    }

    private static func word(_ stream: [UInt8], at start: Int) -> String {
        String(decoding: stream[start...].prefix { $0 != 0x20 }, as: UTF8.self)
    }
}
