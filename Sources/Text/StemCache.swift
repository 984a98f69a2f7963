import Synchronization

/// Remembers the stems of words already seen, so frequent words are stemmed once.
///
/// Open addressing over an FNV-1a hash; keys and stems live in one byte arena. When the table
/// fills up it starts over, which keeps memory bounded (about 4 MiB).
struct StemCache {
    private static let slotCount = 1 << 16
    private static let arenaLimit = 4 << 20
    private static let maxWordLength = 40

    private var hashes = [UInt64](repeating: 0, count: slotCount)
    private var offsets = [Int32](repeating: -1, count: slotCount)
    private var keyLengths = [UInt8](repeating: 0, count: slotCount)
    private var stemLengths = [UInt8](repeating: 0, count: slotCount)
    private var arena: [UInt8] = []
    private var used = 0

    /// Appends the stem of `word` to `output`.
    mutating func appendStem(of word: ArraySlice<UInt8>, to output: inout [UInt8], stemmer: DutchStemmer) {
        guard word.count <= StemCache.maxWordLength else {
            output.append(contentsOf: stemmer.stem(Array(word)))
            return
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash |= 1
        let mask = StemCache.slotCount - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<8 {
            if offsets[slot] < 0 { break }
            if hashes[slot] == hash, Int(keyLengths[slot]) == word.count {
                let start = Int(offsets[slot])
                if arena[start..<start + word.count].elementsEqual(word) {
                    let stemStart = start + word.count
                    output.append(contentsOf: arena[stemStart..<stemStart + Int(stemLengths[slot])])
                    return
                }
            }
            slot = (slot + 1) & mask
        }
        let stem = stemmer.stem(Array(word))
        output.append(contentsOf: stem)
        guard stem.count <= 255 else { return }
        if used * 4 > StemCache.slotCount * 3 || arena.count > StemCache.arenaLimit { reset() }
        slot = Int(truncatingIfNeeded: hash) & mask
        while offsets[slot] >= 0 { slot = (slot + 1) & mask }
        hashes[slot] = hash
        offsets[slot] = Int32(arena.count)
        keyLengths[slot] = UInt8(word.count)
        stemLengths[slot] = UInt8(stem.count)
        arena.append(contentsOf: word)
        arena.append(contentsOf: stem)
        used += 1
    }

    private mutating func reset() {
        for index in offsets.indices { offsets[index] = -1 }
        arena.removeAll(keepingCapacity: true)
        used = 0
    }
}

/// A ``StemCache`` shared by every analysis of one ``TextAnalyzer``.
final class SharedStemCache: Sendable {
    let mutex = Mutex(StemCache())
}
