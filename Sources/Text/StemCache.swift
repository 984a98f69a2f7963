import Glibc
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
    private var lengths = [UInt16](repeating: 0, count: slotCount)
    private var arena: [UInt8] = []
    private var used = 0

    init() {
        arena.reserveCapacity(StemCache.arenaLimit + 512)
    }

    /// Appends the stem of `word` to `output`.
    mutating func appendStem(of word: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard word.count <= StemCache.maxWordLength else {
            DutchStemmer.withStem(of: word) { output.append(contentsOf: $0) }
            return
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash |= 1
        let mask = StemCache.slotCount - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let found: Int? = arena.withUnsafeBufferPointer { arena in
            for _ in 0..<8 {
                let offset = Int(offsets[slot])
                if offset < 0 { return nil }
                if hashes[slot] == hash, Int(lengths[slot] & 0xFF) == word.count,
                   memcmp(arena.baseAddress! + offset, word.baseAddress!, word.count) == 0 {
                    return slot
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
        if let found {
            let start = Int(offsets[found]) + word.count
            let stemLength = Int(lengths[found] >> 8)
            arena.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<start + stemLength])) }
            return
        }
        DutchStemmer.withStem(of: word) { stem in
            output.append(contentsOf: stem)
            insert(word, stem, hash: hash)
        }
    }

    private mutating func insert(_ word: UnsafeBufferPointer<UInt8>, _ stem: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        guard stem.count <= 255 else { return }
        if used * 4 > StemCache.slotCount * 3 || arena.count > StemCache.arenaLimit { reset() }
        let mask = StemCache.slotCount - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while offsets[slot] >= 0 { slot = (slot + 1) & mask }
        hashes[slot] = hash
        offsets[slot] = Int32(arena.count)
        lengths[slot] = UInt16(word.count) | UInt16(stem.count) << 8
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
