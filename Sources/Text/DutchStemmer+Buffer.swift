/// A set of vowels as the Snowball Dutch algorithm groups them.
///
/// Members are stored as two bit sets: one over `a`...`z` and one over
/// U+00E0...U+00FF, the range holding every accented vowel of the algorithm.
struct DutchVowelGroup {
    /// Bit `n` stands for the scalar `a` + `n`.
    let ascii: UInt32
    /// Bit `n` stands for the scalar U+00E0 + `n`.
    let latin: UInt32

    /// Whether `scalar` is a member.
    @inline(__always)
    func contains(_ scalar: UInt32) -> Bool {
        let a = scalar &- 0x61
        if a < 32 { return (ascii >> a) & 1 != 0 }
        let l = scalar &- 0xE0
        if l < 32 { return (latin >> l) & 1 != 0 }
        return false
    }
}

extension DutchVowelGroup {
    // Latin bits: à 0, á 1, â 2, ä 4, è 8, é 9, ê 10, ë 11, ì 12, í 13, î 14, ï 15,
    // ò 18, ó 19, ô 20, ö 22, ù 25, ú 26, û 27, ü 28.
    private static var aLatin: UInt32 { 1 << 0 | 1 << 1 | 1 << 2 | 1 << 4 }
    private static var eLatin: UInt32 { 1 << 8 | 1 << 9 | 1 << 10 | 1 << 11 }
    private static var iLatin: UInt32 { 1 << 12 | 1 << 13 | 1 << 14 | 1 << 15 }
    private static var oLatin: UInt32 { 1 << 18 | 1 << 19 | 1 << 20 | 1 << 22 }
    private static var uLatin: UInt32 { 1 << 25 | 1 << 26 | 1 << 27 | 1 << 28 }
    // ASCII bits: a 0, e 4, i 8, o 14, u 20, w 22, x 23, y 24.
    private static var aiouASCII: UInt32 { 1 << 0 | 1 << 8 | 1 << 14 | 1 << 20 }

    /// `e` with or without a diacritic.
    static var e: DutchVowelGroup { DutchVowelGroup(ascii: 1 << 4, latin: eLatin) }
    /// `a`, `i`, `o`, `u` with or without a diacritic.
    static var aiou: DutchVowelGroup {
        DutchVowelGroup(ascii: aiouASCII, latin: aLatin | iLatin | oLatin | uLatin)
    }
    /// `a`, `e`, `i`, `o`, `u` with or without a diacritic.
    static var aeiou: DutchVowelGroup {
        DutchVowelGroup(ascii: aiouASCII | 1 << 4, latin: aLatin | eLatin | iLatin | oLatin | uLatin)
    }
    /// The vowels: `aeiou` plus `y`.
    static var v: DutchVowelGroup {
        DutchVowelGroup(ascii: aiouASCII | 1 << 4 | 1 << 24, latin: aeiou.latin)
    }
    /// The vowels plus `w` and `x`.
    static var vWX: DutchVowelGroup {
        DutchVowelGroup(ascii: v.ascii | 1 << 22 | 1 << 23, latin: aeiou.latin)
    }
}

extension DutchStemmer {
    /// The word being stemmed: UTF-8 bytes in a buffer the caller owns, plus
    /// the R1 and R2 region starts. Positions are byte offsets; the word is
    /// `bytes[0..<limit]`.
    ///
    /// Every edit keeps the word within `capacity`, which must exceed the
    /// input length by at least ``DutchStemmer/growth`` bytes.
    struct Buffer {
        let bytes: UnsafeMutablePointer<UInt8>
        let capacity: Int
        var limit: Int
        var p1 = 0
        var p2 = 0

        init(bytes: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int) {
            self.bytes = bytes
            self.capacity = capacity
            self.limit = count
        }

        // MARK: Scalars

        /// The scalar ending at `i` (which must be > 0) and its length in bytes.
        /// A byte that is not part of valid UTF-8 counts as one U+FFFD.
        @inline(__always)
        func scalar(before i: Int) -> (value: UInt32, width: Int) {
            let b = bytes[i - 1]
            if b < 0x80 { return (UInt32(b), 1) }
            return multibyteScalar(before: i)
        }

        /// The scalar starting at `i` (which must be < `limit`) and its length in bytes.
        @inline(__always)
        func scalar(at i: Int) -> (value: UInt32, width: Int) {
            let b = bytes[i]
            if b < 0x80 { return (UInt32(b), 1) }
            return multibyteScalar(at: i)
        }

        private func multibyteScalar(before i: Int) -> (value: UInt32, width: Int) {
            var start = i - 1
            var continuations = 0
            while bytes[start] & 0xC0 == 0x80 {
                continuations += 1
                guard continuations < 4, start > 0 else { return (0xFFFD, 1) }
                start -= 1
            }
            guard continuations > 0, leadLength(bytes[start]) == continuations + 1 else {
                return (0xFFFD, 1)
            }
            return (decode(from: start, length: continuations + 1), continuations + 1)
        }

        private func multibyteScalar(at i: Int) -> (value: UInt32, width: Int) {
            let length = leadLength(bytes[i])
            guard length > 1, i + length <= limit else { return (0xFFFD, 1) }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return (0xFFFD, 1) }
            return (decode(from: i, length: length), length)
        }

        /// The sequence length a lead byte announces, or 0 if it is no lead byte.
        private func leadLength(_ b: UInt8) -> Int {
            switch b {
            case 0xC2...0xDF: return 2
            case 0xE0...0xEF: return 3
            case 0xF0...0xF4: return 4
            default: return 0
            }
        }

        private func decode(from start: Int, length: Int) -> UInt32 {
            var value = UInt32(bytes[start]) & (0x7F >> UInt32(length))
            for k in 1..<length { value = value << 6 | UInt32(bytes[start + k] & 0x3F) }
            return value
        }

        // MARK: Groupings and literals

        /// The position before the scalar ending at `i` if it is in `group`.
        @inline(__always)
        func inGroup(before i: Int, _ group: DutchVowelGroup) -> Int? {
            guard i > 0 else { return nil }
            let s = scalar(before: i)
            return group.contains(s.value) ? i - s.width : nil
        }

        /// The position before the scalar ending at `i` if it is not in `group`.
        @inline(__always)
        func outGroup(before i: Int, _ group: DutchVowelGroup) -> Int? {
            guard i > 0 else { return nil }
            let s = scalar(before: i)
            return group.contains(s.value) ? nil : i - s.width
        }

        /// The position after the scalar starting at `i` if it is in `group`.
        @inline(__always)
        func inGroup(at i: Int, _ group: DutchVowelGroup) -> Int? {
            guard i < limit else { return nil }
            let s = scalar(at: i)
            return group.contains(s.value) ? i + s.width : nil
        }

        /// Whether the bytes just before `i` spell `literal`.
        @inline(__always)
        func ends(with literal: StaticString, at i: Int) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard i >= n else { return false }
            let s = literal.utf8Start
            for k in 0..<n where bytes[i - n + k] != s[k] { return false }
            return true
        }

        /// Whether the bytes starting at `i` spell `literal`.
        @inline(__always)
        func starts(with literal: StaticString, at i: Int) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard i + n <= limit else { return false }
            let s = literal.utf8Start
            for k in 0..<n where bytes[i + k] != s[k] { return false }
            return true
        }

        /// Whether the byte just before `i` is `byte`.
        @inline(__always)
        func ends(with byte: UInt8, at i: Int) -> Bool {
            i > 0 && bytes[i - 1] == byte
        }

        // MARK: Edits

        /// Replaces everything from `start` to the end with `literal`.
        @inline(__always)
        mutating func replaceSuffix(from start: Int, with literal: StaticString) {
            let n = literal.utf8CodeUnitCount
            precondition(start + n <= capacity, "stemmer buffer overflow")
            let s = literal.utf8Start
            for k in 0..<n { bytes[start + k] = s[k] }
            limit = start + n
        }

        /// Cuts the word off at `start`.
        @inline(__always)
        mutating func truncate(at start: Int) {
            limit = start
        }

        /// Replaces `bytes[start..<end]` with `literal`, moving the rest of the word.
        mutating func replace(_ start: Int, _ end: Int, with literal: StaticString) {
            let n = literal.utf8CodeUnitCount
            let newLimit = limit + n - (end - start)
            precondition(newLimit <= capacity, "stemmer buffer overflow")
            (bytes + start + n).update(from: bytes + end, count: limit - end)
            let s = literal.utf8Start
            for k in 0..<n { bytes[start + k] = s[k] }
            limit = newLimit
        }

        /// Inserts a second copy of `bytes[start..<end]` right after it.
        mutating func duplicate(_ start: Int, _ end: Int) {
            let n = end - start
            precondition(limit + n <= capacity, "stemmer buffer overflow")
            // The moved tail starts at `start`, so the bytes left behind at
            // `start..<end` are the copy.
            (bytes + start + n).update(from: bytes + start, count: limit - start)
            limit += n
        }
    }
}
