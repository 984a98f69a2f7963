/// The Snowball Dutch stemmer: the current (Snowball 3) algorithm by Kraaij
/// and Pohlmann, as `dutch` in Snowball's own distributions.
///
/// Words must already be lowercase. Accented vowels (`ë`, `é`, `ï`, ...) are
/// handled as the algorithm defines; any other text passes through unchanged
/// where the algorithm does not touch it.
///
/// ```swift
/// let stemmer = DutchStemmer()
/// stemmer.stem("lantaarnpalen")  // "lantaarnpaal"
/// ```
public struct DutchStemmer: Sendable {
    /// How many bytes a stem can be longer than its word, with room to spare.
    /// (The algorithm grows a word by at most one byte.)
    static let growth = 16

    /// Creates a stemmer. It holds no state, so one can be shared freely.
    public init() {}

    /// The stem of a lowercase word.
    public func stem(_ word: String) -> String {
        var utf8Word = word
        return utf8Word.withUTF8 { utf8 in
            Self.withStem(of: utf8) { stem in
                Self.same(stem, utf8) ? word : String(decoding: stem, as: UTF8.self)
            }
        }
    }

    /// The stem of a lowercase word given as UTF-8, as UTF-8.
    ///
    /// Bytes that are not valid UTF-8 are kept and never make the stemmer fail.
    public func stem(_ word: [UInt8]) -> [UInt8] {
        word.withUnsafeBufferPointer { utf8 in
            Self.withStem(of: utf8) { stem in
                // A word that is its own stem is returned as it is, without a copy.
                Self.same(stem, utf8) ? word : Array(stem)
            }
        }
    }

    /// Calls `body` with the stem of `word`, held in scratch memory that is
    /// valid only during the call.
    @inline(__always)
    static func withStem<Result>(
        of word: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count + growth) { scratch in
            let count = stem(word, into: scratch)
            return body(UnsafeBufferPointer(rebasing: scratch[..<count]))
        }
    }

    /// Whether two byte strings are equal.
    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    /// Stems `word` into `out`, which must hold `word.count + growth` bytes,
    /// and returns the length of the stem.
    static func stem(_ word: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let source = word.baseAddress, let target = out.baseAddress, !word.isEmpty else { return 0 }
        precondition(out.count >= word.count + growth, "stem buffer too small")
        target.update(from: source, count: word.count)
        var buffer = Buffer(bytes: target, count: word.count, capacity: out.count)
        buffer.stem()
        return buffer.limit
    }
}

extension DutchStemmer.Buffer {
    /// The whole algorithm: suffixes, then `ge-`, then the final cleanup.
    mutating func stem() {
        measure()
        var stemmed = false
        if step1() { stemmed = true }
        if step2() { stemmed = true }
        if step3() { stemmed = true }
        if step4() { stemmed = true }
        if losePrefix() {
            measure()
            stemmed = true
            _ = step1c()
        }
        if loseInfix() {
            measure()
            stemmed = true
            _ = step1c()
        }
        if step7() { stemmed = true }
        if stemmed { _ = step6() }
    }
}
