/// Byte classes: 0 separator, 1 sentence end, 2 apostrophe, 3 start of a non-ASCII character,
/// else the folded letter (so every class from 0x30 up is a word byte).
private let byteClasses: [UInt8] = (0..<256).map { byte -> UInt8 in
    switch byte {
    case 48...57, 97...122: UInt8(byte)
    case 65...90: UInt8(byte + 32)
    case 0x2E, 0x21, 0x3F, 0x3B, 0x3A, 0x0A: 1
    case 0x27: 2
    case 0x80...: 3
    default: 0
    }
}

/// One pass over the bytes of a text, writing the folded stream into a buffer large enough and
/// the words' spans into room for them.
///
/// The pass notes each word's folded end in its token's `stemStart`; ``stems(of:tokens:cache:)``
/// then writes the stems and puts the real offsets there.
struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let output: UnsafeMutablePointer<UInt8>
    /// Room for the words' spans: one for every two bytes (``makeRoom(_:forWordsIn:)``).
    let tokens: UnsafeMutablePointer<TokenSpan>
    private(set) var count = 0
    private(set) var tokenCount = 0
    private var wordStart = -1
    private var foldedWordStart = 0
    private var sentenceEnded = false
    private var hasWords = false

    init(bytes: UnsafeBufferPointer<UInt8>, end: Int, output: UnsafeMutablePointer<UInt8>, tokens: UnsafeMutablePointer<TokenSpan>) {
        self.bytes = bytes
        self.end = end
        self.output = output
        self.tokens = tokens
    }

    /// Grows `tokens` to room for every word that `byteCount` bytes can hold (a word and the
    /// byte that ends it take two), for the scan to write them in place; what it held is to be
    /// overwritten.
    static func makeRoom(_ tokens: inout [TokenSpan], forWordsIn byteCount: Int) {
        let room = byteCount / 2 + 1
        if tokens.count < room {
            tokens.append(contentsOf: repeatElement(TokenSpan(original: 0..<0, foldedStart: 0, stemStart: 0), count: room - tokens.count))
        }
    }

    /// The largest offset ≤ `limit` that does not cut a UTF-8 sequence.
    static func boundary(_ bytes: UnsafeBufferPointer<UInt8>, _ limit: Int) -> Int {
        guard limit < bytes.count else { return bytes.count }
        var end = max(0, limit)
        while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }

    mutating func run() {
        output[0] = 0x20
        count = 1
        guard end > 0, let base = bytes.baseAddress else { return }
        let ascii = byteClasses.withUnsafeBufferPointer { table in
            Scanner.runASCII(base, end, classes: table.baseAddress!, output: output, tokens: tokens)
        }
        if let ascii {
            (count, tokenCount) = ascii
            return
        }
        // A byte from 0x80 up: the whole text again, by the loop that decodes characters.
        byteClasses.withUnsafeBufferPointer { table in
            let classes = table.baseAddress!
            // The hot state lives in locals; `self` is brought up to date around the rare calls.
            var count = 1
            var wordStart = -1
            var offset = 0
            while offset < end {
                let cls = classes[Int(base[offset])]
                if cls >= 0x30 {
                    if wordStart < 0 {
                        self.count = count
                        beginWord(at: offset)
                        count = self.count
                        wordStart = offset
                    }
                    output[count] = cls
                    count += 1
                    offset += 1
                    // the rest of a run of ASCII letters and digits
                    while offset < end {
                        let next = classes[Int(base[offset])]
                        guard next >= 0x30 else { break }
                        output[count] = next
                        count += 1
                        offset += 1
                    }
                } else if cls == 3 {
                    self.count = count
                    self.wordStart = wordStart
                    let (scalar, length) = decode(at: offset)
                    nonASCII(scalar, at: offset)
                    count = self.count
                    wordStart = self.wordStart
                    offset += length
                } else {
                    if cls == 2, wordStart >= 0, offset + 1 < end, classes[Int(base[offset + 1])] >= 0x30 {
                        // an apostrophe inside a word: auto's
                    } else {
                        if wordStart >= 0 {
                            self.count = count
                            self.wordStart = wordStart
                            endWord(at: offset)
                            count = self.count
                            wordStart = -1
                        }
                        if cls == 1 { sentenceEnded = true }
                    }
                    offset += 1
                }
            }
            self.count = count
            self.wordStart = wordStart
        }
        if wordStart >= 0 { endWord(at: end) }
    }

    /// ``run()`` for a text of ASCII bytes alone (most messages): the same streams and words,
    /// with every bit of state in locals. Returns the length of the folded stream and the
    /// number of words, or nil at the first byte from 0x80 up (what it wrote is then to be
    /// written over).
    private static func runASCII(
        _ base: UnsafePointer<UInt8>, _ end: Int, classes: UnsafePointer<UInt8>, output: UnsafeMutablePointer<UInt8>,
        tokens: UnsafeMutablePointer<TokenSpan>
    ) -> (count: Int, tokenCount: Int)? {
        var count = 1
        var tokenCount = 0
        var offset = 0
        var sentenceEnded = false
        while offset < end {
            var cls = classes[Int(base[offset])]
            guard cls >= 0x30 else {
                // (A non-ASCII byte inside a word ends it here too, as any byte below 0x30 does.)
                if cls == 3 { return nil }
                if cls == 1 { sentenceEnded = true }
                offset += 1
                continue
            }
            if sentenceEnded && tokenCount > 0 {
                output[count] = 0x7C
                output[count + 1] = 0x20
                count += 2
            }
            sentenceEnded = false
            let wordStart = offset
            let foldedStart = count
            while true {
                output[count] = cls
                count += 1
                offset += 1
                guard offset < end else { break }
                cls = classes[Int(base[offset])]
                if cls >= 0x30 { continue }
                // an apostrophe inside a word (auto's) is dropped; any other byte ends the word
                guard cls == 2, offset + 1 < end, classes[Int(base[offset + 1])] >= 0x30 else { break }
                offset += 1
                cls = classes[Int(base[offset])]
            }
            (tokens + tokenCount).initialize(to: TokenSpan(original: wordStart..<offset, foldedStart: foldedStart, stemStart: count))
            tokenCount &+= 1
            output[count] = 0x20
            count += 1
        }
        return (count, tokenCount)
    }

    private mutating func nonASCII(_ scalar: Unicode.Scalar, at offset: Int) {
        if TextFolding.isWordScalar(scalar) {
            if wordStart < 0 { beginWord(at: offset) }
            append(folding: scalar)
            return
        }
        switch scalar.value {
        case 0x2019 where wordStart >= 0, 0xAD where wordStart >= 0:
            return
        case 0x2029, 0x2028, 0x85:
            if wordStart >= 0 { endWord(at: offset) }
            sentenceEnded = true
        default:
            if wordStart >= 0 { endWord(at: offset) }
        }
    }

    private mutating func append(folding scalar: Unicode.Scalar) {
        TextFolding.forEachFoldedByte(of: scalar) { byte in
            output[count] = byte
            count += 1
        }
    }

    private mutating func beginWord(at offset: Int) {
        if sentenceEnded && hasWords {
            output[count] = 0x7C
            output[count + 1] = 0x20
            count += 2
        }
        sentenceEnded = false
        wordStart = offset
        foldedWordStart = count
    }

    private mutating func endWord(at offset: Int) {
        (tokens + tokenCount).initialize(to: TokenSpan(original: wordStart..<offset, foldedStart: foldedWordStart, stemStart: count))
        tokenCount += 1
        output[count] = 0x20
        count += 1
        wordStart = -1
        hasWords = true
    }

    /// The stems stream: `folded` with every word replaced by its stem. Each token's
    /// `stemStart` holds its folded end on entry and its offset in the stems stream on return.
    static func stems(
        of folded: UnsafeBufferPointer<UInt8>, tokens: UnsafeMutableBufferPointer<TokenSpan>, cache: inout StemCache
    ) -> [UInt8] {
        // A stem is at most `growth` bytes longer than its word; the separators are the same.
        let capacity = folded.count + tokens.count * DutchStemmer.growth
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = writeStems(of: folded, tokens: tokens, cache: &cache, to: buffer.baseAddress!)
        }
    }

    /// Writes the stems stream of ``stems(of:tokens:cache:)`` to `stems`, which has room for
    /// `folded.count + tokens.count * DutchStemmer.growth` bytes, and returns its length.
    static func writeStems(
        of folded: UnsafeBufferPointer<UInt8>, tokens: UnsafeMutableBufferPointer<TokenSpan>, cache: inout StemCache,
        to stems: UnsafeMutablePointer<UInt8>
    ) -> Int {
        let source = folded.baseAddress!
        var written = 0
        var read = 0
        do {
            for index in tokens.indices {
                let token = tokens[index]
                while read < token.foldedStart {
                    stems[written] = source[read]
                    written += 1
                    read += 1
                }
                let stemStart = written
                let word = UnsafeBufferPointer(start: source + read, count: token.stemStart - read)
                written += cache.writeStem(of: word, to: stems + written)
                read = token.stemStart
                tokens[index] = TokenSpan(original: token.original, foldedStart: token.foldedStart, stemStart: stemStart)
            }
        }
        while read < folded.count {
            stems[written] = source[read]
            written += 1
            read += 1
        }
        return written
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
