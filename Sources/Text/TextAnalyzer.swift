/// Turns text into an ``AnalyzedText``: folds, splits into words, stems every word.
///
/// Words are runs of letters and digits. An apostrophe or soft hyphen inside a word is dropped
/// (`auto's` → `autos`); any other character ends the word. `.`, `!`, `?`, `;`, `:` and line
/// breaks end a sentence.
public struct TextAnalyzer: Sendable {
    private let stemmer = DutchStemmer()
    private let cache = SharedStemCache()

    /// Creates an analyser.
    public init() {}

    /// Analyses at most the first `limit` UTF-8 bytes of `text` (cut at a character boundary).
    public func analyze(_ text: String, limit: Int = Int.max) -> AnalyzedText {
        var text = text
        return text.withUTF8 { bytes in
            cache.mutex.withLock { cache in
                var scanner = Scanner(bytes: bytes, limit: limit, stemmer: stemmer)
                scanner.run(cache: &cache)
                return AnalyzedText(
                    folded: scanner.folded, stems: scanner.stems, tokens: scanner.tokens,
                    analysedBytes: scanner.end)
            }
        }
    }
}

/// Byte classes of ASCII: 0 separator, 1 sentence end, 2 apostrophe, else the folded letter.
private let asciiClasses: [UInt8] = (0..<128).map { byte -> UInt8 in
    switch byte {
    case 48...57, 97...122: UInt8(byte)
    case 65...90: UInt8(byte + 32)
    case 0x2E, 0x21, 0x3F, 0x3B, 0x3A, 0x0A: 1
    case 0x27: 2
    default: 0
    }
}

/// One pass over the bytes of a text.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let stemmer: DutchStemmer
    var folded: [UInt8] = []
    var stems: [UInt8] = []
    var tokens: [TokenSpan] = []
    private var wordStart = -1
    private var foldedWordStart = 0
    private var sentenceEnded = false

    init(bytes: UnsafeBufferPointer<UInt8>, limit: Int, stemmer: DutchStemmer) {
        self.bytes = bytes
        self.stemmer = stemmer
        var end = min(limit, bytes.count)
        if end < bytes.count {
            while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        }
        self.end = end
        folded.reserveCapacity(end + end / 4 + 16)
        stems.reserveCapacity(end + end / 4 + 16)
        tokens.reserveCapacity(end / 5 + 1)
        folded.append(0x20)
        stems.append(0x20)
    }

    mutating func run(cache: inout StemCache) {
        asciiClasses.withUnsafeBufferPointer { classes in
            var offset = 0
            while offset < end {
                let byte = bytes[offset]
                if byte < 0x80 {
                    let cls = classes[Int(byte)]
                    if cls >= 0x30 {
                        if wordStart < 0 { beginWord(at: offset) }
                        folded.append(cls)
                    } else if cls == 2, wordStart >= 0, offset + 1 < end, bytes[offset + 1] < 0x80,
                              classes[Int(bytes[offset + 1])] >= 0x30 {
                        // an apostrophe inside a word: auto's
                    } else {
                        if wordStart >= 0 { endWord(at: offset, cache: &cache) }
                        if cls == 1 { sentenceEnded = true }
                    }
                    offset += 1
                } else {
                    let (scalar, length) = decode(at: offset)
                    nonASCII(scalar, at: offset, cache: &cache)
                    offset += length
                }
            }
            if wordStart >= 0 { endWord(at: end, cache: &cache) }
        }
    }

    private mutating func nonASCII(_ scalar: Unicode.Scalar, at offset: Int, cache: inout StemCache) {
        if TextFolding.isWordScalar(scalar) {
            if wordStart < 0 { beginWord(at: offset) }
            TextFolding.append(scalar, to: &folded)
            return
        }
        switch scalar.value {
        case 0x2019 where wordStart >= 0, 0xAD where wordStart >= 0:
            return
        case 0x2029, 0x2028, 0x85:
            if wordStart >= 0 { endWord(at: offset, cache: &cache) }
            sentenceEnded = true
        default:
            if wordStart >= 0 { endWord(at: offset, cache: &cache) }
        }
    }

    private mutating func beginWord(at offset: Int) {
        if sentenceEnded, !tokens.isEmpty {
            folded.append(contentsOf: [0x7C, 0x20])
            stems.append(contentsOf: [0x7C, 0x20])
        }
        sentenceEnded = false
        wordStart = offset
        foldedWordStart = folded.count
    }

    private mutating func endWord(at offset: Int, cache: inout StemCache) {
        let stemStart = stems.count
        cache.appendStem(of: folded[foldedWordStart...], to: &stems, stemmer: stemmer)
        stems.append(0x20)
        folded.append(0x20)
        tokens.append(TokenSpan(original: wordStart..<offset, foldedStart: foldedWordStart, stemStart: stemStart))
        wordStart = -1
    }

    private func decode(at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[offset])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard offset + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
