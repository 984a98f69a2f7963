/// Turns text into an ``AnalyzedText``: folds, splits into words, stems every word.
///
/// Words are runs of letters and digits. An apostrophe or soft hyphen inside a word is dropped
/// (`auto's` → `autos`); any other character ends the word. `.`, `!`, `?`, `;`, `:` and line
/// breaks end a sentence.
public struct TextAnalyzer: Sendable {
    private let cache = SharedStemCache()

    /// Creates an analyser.
    public init() {}

    /// Analyses at most the first `limit` UTF-8 bytes of `text` (cut at a character boundary).
    public func analyze(_ text: String, limit: Int = Int.max) -> AnalyzedText {
        var text = text
        return text.withUTF8 { analyze(utf8: $0, limit: limit) }
    }

    /// Analyses at most the first `limit` bytes of `bytes`, which must be valid UTF-8 (as a
    /// `String`'s are): the same result as ``analyze(_:limit:)`` on the string of these bytes,
    /// without making one.
    public func analyze(utf8 bytes: UnsafeBufferPointer<UInt8>, limit: Int = Int.max) -> AnalyzedText {
        let end = Scanner.boundary(bytes, limit)
        var stems: [UInt8] = []
        var tokens: [TokenSpan] = []
        Scanner.makeRoom(&tokens, forWordsIn: end)
        var tokenCount = 0
        // Folding at most doubles a byte; each word adds at most three bytes (" | ").
        let folded = [UInt8](unsafeUninitializedCapacity: 4 * end + 16) { buffer, count in
            tokens.withUnsafeMutableBufferPointer { tokenRoom in
                var scanner = Scanner(bytes: bytes, end: end, output: buffer.baseAddress!, tokens: tokenRoom.baseAddress!)
                scanner.run()
                count = scanner.count
                tokenCount = scanner.tokenCount
                let words = UnsafeBufferPointer(start: buffer.baseAddress!, count: count)
                let spans = UnsafeMutableBufferPointer(rebasing: tokenRoom[..<tokenCount])
                cache.withCache { stems = Scanner.stems(of: words, tokens: spans, cache: &$0) }
            }
        }
        tokens.removeLast(tokens.count - tokenCount)
        return AnalyzedText(folded: folded, stems: stems, tokens: tokens, analysedBytes: end)
    }

    /// ``analyze(utf8:limit:)`` into the storage of `buffers` (see ``AnalysisBuffers``).
    public func analyze(utf8 bytes: UnsafeBufferPointer<UInt8>, limit: Int = Int.max, reusing buffers: inout AnalysisBuffers) -> AnalyzedText {
        let end = Scanner.boundary(bytes, limit)
        var tokens = buffers.tokens
        buffers.tokens = []
        Scanner.makeRoom(&tokens, forWordsIn: end)
        // The streams and words are written in place into storage that is only ever grown: no
        // bytes are cleared before and none cut off after (the analysis knows their lengths).
        var folded = AnalysisBuffers.take(&buffers.folded, room: 4 * end + 16)
        let (count, tokenCount) = folded.withUnsafeMutableBufferPointer { buffer in
            tokens.withUnsafeMutableBufferPointer { tokenRoom in
                var scanner = Scanner(bytes: bytes, end: end, output: buffer.baseAddress!, tokens: tokenRoom.baseAddress!)
                scanner.run()
                return (scanner.count, scanner.tokenCount)
            }
        }
        var stems = AnalysisBuffers.take(&buffers.stems, room: count + tokenCount * DutchStemmer.growth)
        let written = folded.withUnsafeBufferPointer { words in
            stems.withUnsafeMutableBufferPointer { output in
                tokens.withUnsafeMutableBufferPointer { tokenRoom in
                    var written = 0
                    let words = UnsafeBufferPointer(rebasing: words[..<count])
                    let spans = UnsafeMutableBufferPointer(rebasing: tokenRoom[..<tokenCount])
                    cache.withCache { written = Scanner.writeStems(of: words, tokens: spans, cache: &$0, to: output.baseAddress!) }
                    return written
                }
            }
        }
        return AnalyzedText(folded: folded, count: count, stems: stems, count: written, tokens: tokens, count: tokenCount, analysedBytes: end)
    }
}

extension TextAnalyzer {
    /// Whether every byte of `bytes` is below 0x80 (tested eight at a time).
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var seen: UInt64 = 0
        var offset = 0
        while offset + 8 <= bytes.count {
            seen |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < bytes.count {
            seen |= UInt64(base[offset])
            offset += 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }
}
