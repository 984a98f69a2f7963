/// One word of an analysed text, with where it stands in the original and in both streams.
public struct TokenSpan: Sendable, Hashable {
    /// UTF-8 byte range in the original text.
    public let original: Range<Int>
    /// Offset of the word in ``AnalyzedText/folded``.
    public let foldedStart: Int
    /// Offset of the word's stem in ``AnalyzedText/stems``.
    public let stemStart: Int
}

/// A text prepared for matching: two streams of space-separated words, and the words' spans.
///
/// `folded` holds the folded words (`" de lantaarnpalen | zijn kapot "`), `stems` their
/// Snowball stems (`" de lantaarnpal | zijn kapot "`). Every word is preceded and followed by
/// one space; a `|` stands between sentences, so a phrase never matches across them.
public struct AnalyzedText: Sendable {
    /// Storage whose first `foldedCount` bytes are ``folded`` (longer when it is reused
    /// storage, see ``AnalysisBuffers``).
    let foldedStorage: [UInt8]
    let foldedCount: Int
    /// Storage whose first `stemCount` bytes are ``stems``.
    let stemStorage: [UInt8]
    let stemCount: Int

    /// Folded words separated by spaces.
    public var folded: [UInt8] {
        foldedCount == foldedStorage.count ? foldedStorage : Array(foldedStorage[..<foldedCount])
    }
    /// Stems separated by spaces, word for word aligned with `folded`.
    public var stems: [UInt8] {
        stemCount == stemStorage.count ? stemStorage : Array(stemStorage[..<stemCount])
    }
    /// Storage whose first `tokenCount` entries are ``tokens``.
    let tokenStorage: [TokenSpan]
    let tokenCount: Int

    /// The words, in text order.
    public var tokens: [TokenSpan] {
        tokenCount == tokenStorage.count ? tokenStorage : Array(tokenStorage[..<tokenCount])
    }
    /// UTF-8 bytes of the original text that were analysed (the rest was past the limit).
    public let analysedBytes: Int

    /// An analysis of the given streams and words.
    init(folded: [UInt8], stems: [UInt8], tokens: [TokenSpan], analysedBytes: Int) {
        self.init(folded: folded, count: folded.count, stems: stems, count: stems.count, tokens: tokens, count: tokens.count,
                  analysedBytes: analysedBytes)
    }

    /// An analysis whose streams are the first `foldedCount` and `stemCount` bytes of storage,
    /// and whose words the first `tokenCount` spans of `tokens`.
    init(folded: [UInt8], count foldedCount: Int, stems: [UInt8], count stemCount: Int, tokens: [TokenSpan], count tokenCount: Int,
         analysedBytes: Int) {
        foldedStorage = folded
        self.foldedCount = foldedCount
        stemStorage = stems
        self.stemCount = stemCount
        tokenStorage = tokens
        self.tokenCount = tokenCount
        self.analysedBytes = analysedBytes
    }

    /// Calls `body` with the folded and the stems stream, in place.
    func withStreams<Result>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        foldedStorage.withUnsafeBufferPointer { folded in
            stemStorage.withUnsafeBufferPointer { stems in
                body(UnsafeBufferPointer(rebasing: folded[..<foldedCount]), UnsafeBufferPointer(rebasing: stems[..<stemCount]))
            }
        }
    }

    /// Whether the text had no words at all.
    public var isEmpty: Bool { tokenCount == 0 }

    /// The UTF-8 byte range in the original text from the start of word `first` to the end of
    /// word `last` (of `first` itself when `last` comes before it).
    public func span(from first: Int, through last: Int) -> Range<Int> {
        precondition(first >= 0 && last < tokenCount, "a word outside the analysis")
        return tokenStorage[first].original.lowerBound..<tokenStorage[max(first, last)].original.upperBound
    }

    /// The index of the word whose folded form starts at or before `offset`.
    public func tokenIndex(foldedOffset offset: Int) -> Int? {
        tokenIndex(offset) { $0.foldedStart }
    }

    /// The index of the word whose stem starts at or before `offset`.
    public func tokenIndex(stemOffset offset: Int) -> Int? {
        tokenIndex(offset) { $0.stemStart }
    }

    /// ``tokenIndex(foldedOffset:)`` (`folded`) or ``tokenIndex(stemOffset:)``, walked to from
    /// the word `hint` (any word; the last one found is best, as a text's matches come in
    /// order, so the walk is a step or two).
    public func tokenIndex(offset: Int, folded: Bool, from hint: Int) -> Int? {
        guard tokenCount > 0 else { return nil }
        return tokenStorage.withUnsafeBufferPointer { tokens in
            folded ? AnalyzedText.walk(tokens, tokenCount, to: offset, from: hint) { $0.foldedStart }
                : AnalyzedText.walk(tokens, tokenCount, to: offset, from: hint) { $0.stemStart }
        }
    }

    @inline(__always)
    private static func walk(
        _ tokens: UnsafeBufferPointer<TokenSpan>, _ count: Int, to offset: Int, from hint: Int, _ start: (TokenSpan) -> Int
    ) -> Int? {
        var word = min(max(hint, 0), count - 1)
        while word > 0 && start(tokens[word]) > offset { word -= 1 }
        while word + 1 < count && start(tokens[word + 1]) <= offset { word += 1 }
        return start(tokens[word]) <= offset ? word : nil
    }

    @inline(__always)
    private func tokenIndex(_ offset: Int, _ start: (TokenSpan) -> Int) -> Int? {
        guard tokenCount > 0 else { return nil }
        return tokenStorage.withUnsafeBufferPointer { tokens in
            // A search without branches on the comparisons (they cannot be predicted): halve the
            // range `base..<base + length` that holds the last word starting at or before `offset`.
            var base = 0
            var length = tokenCount
            while length > 1 {
                let half = length / 2
                base = start(tokens[base + half]) <= offset ? base + half : base
                length -= half
            }
            return start(tokens[base]) <= offset ? base : nil
        }
    }
}
