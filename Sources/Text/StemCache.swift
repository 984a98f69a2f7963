import Synchronization

/// Remembers the stems of words already seen, so frequent words are stemmed once.
///
/// Open addressing over an FNV-1a hash, one 16-byte slot per word (so a probe touches one cache
/// line); keys and stems live in one byte arena. When the table fills up it starts over, which
/// keeps memory bounded (about 2.5 MiB per cache). In front of it, words of up to eight bytes
/// whose stems are as short (most words of short reports) sit in a small direct-mapped table of
/// their bytes packed into integers: one multiplication, one compare and one store per word.
struct StemCache {
    private struct Slot {
        var hash: UInt64 = 0
        var offset: Int32 = -1
        var wordLength: UInt16 = 0
        var stemLength: UInt16 = 0
    }

    private static let slotCount = 1 << 15
    private static let arenaLimit = 2 << 20
    private static let maxWordLength = 40

    /// A short word and its stem, each packed into an integer (first byte lowest, zeros after
    /// the last: words and stems hold no zero bytes). An empty slot's word is 0, which no word is.
    private struct ShortSlot {
        var word: UInt64 = 0
        var stem: UInt64 = 0
    }

    private static let shortBits = 12
    private var short = [ShortSlot](repeating: ShortSlot(), count: 1 << shortBits)
    private var slots = [Slot](repeating: Slot(), count: slotCount)
    private var arena: [UInt8] = []
    private var used = 0

    init() {
        arena.reserveCapacity(StemCache.arenaLimit + 512)
    }

    /// Writes the stem of `word` to `output`, which must have room for `word.count +
    /// DutchStemmer.growth` bytes, and returns its length.
    mutating func writeStem(of word: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<UInt8>) -> Int {
        guard word.count <= 8, word.count > 0, let start = word.baseAddress else { return writeLongStem(of: word, to: output) }
        let key = StemCache.packed(start, word.count)
        let index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - StemCache.shortBits))
        let slot = short.withUnsafeBufferPointer { $0[index] }
        if slot.word == key {
            // `output` has room for word.count + growth ≥ 8 bytes; those past the stem are scratch.
            UnsafeMutableRawPointer(output).storeBytes(of: slot.stem.littleEndian, as: UInt64.self)
            return StemCache.packedLength(slot.stem)
        }
        let length = writeLongStem(of: word, to: output)
        if length <= 8 {
            let stem = StemCache.packed(output, length)
            if StemCache.packedLength(stem) == length { short[index] = ShortSlot(word: key, stem: stem) }
        }
        return length
    }

    /// Up to eight bytes at `start` as an integer, the first byte lowest, without reading past them.
    @inline(__always)
    private static func packed(_ start: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(start)
        switch count {
        case 4...8:
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return low | high << UInt64(8 * (count - 4))
        case 2...3:
            let low = UInt64(UInt16(littleEndian: raw.loadUnaligned(as: UInt16.self)))
            let high = UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)))
            return low | high << UInt64(8 * (count - 2))
        case 1:
            return UInt64(start[0])
        default:
            return 0
        }
    }

    /// The number of bytes ``packed(_:_:)`` packed (bytes up to the highest non-zero one).
    @inline(__always)
    private static func packedLength(_ value: UInt64) -> Int {
        (64 - value.leadingZeroBitCount + 7) / 8
    }

    /// ``writeStem(of:to:)`` through the table of any length.
    private mutating func writeLongStem(of word: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<UInt8>) -> Int {
        let room = UnsafeMutableBufferPointer(start: output, count: word.count + DutchStemmer.growth)
        guard word.count <= StemCache.maxWordLength, let start = word.baseAddress else {
            return DutchStemmer.stem(word, into: room)
        }
        let hash = StemCache.hash(start, word.count) | 1
        let mask = StemCache.slotCount - 1
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                guard let arena = arena.baseAddress else { return nil }
                var index = Int(truncatingIfNeeded: hash) & mask
                for _ in 0..<8 {
                    let slot = slots[index]
                    if slot.offset < 0 { return nil }
                    if slot.hash == hash, Int(slot.wordLength) == word.count,
                       StemCache.equal(arena + Int(slot.offset), start, word.count) {
                        let stemLength = Int(slot.stemLength)
                        StemCache.copy(arena + Int(slot.offset) + word.count, to: output, stemLength)
                        return stemLength
                    }
                    index = (index + 1) & mask
                }
                return nil
            }
        }
        if let found { return found }
        return stemAndRemember(word, into: room, hash: hash)
    }

    /// The miss path, out of line so the look-up above stays small.
    @inline(never)
    private mutating func stemAndRemember(
        _ word: UnsafeBufferPointer<UInt8>, into room: UnsafeMutableBufferPointer<UInt8>, hash: UInt64
    ) -> Int {
        let length = DutchStemmer.stem(word, into: room)
        insert(word, UnsafeBufferPointer(rebasing: room[..<length]), hash: hash)
        return length
    }

    /// Whether the `count` bytes at `a` and `b` are equal: a few loads, overlapping at the end,
    /// cheaper than a call to `memcmp` for words this short.
    /// A hash of `count` bytes (at most ``maxWordLength``) that reads them eight at a time, so
    /// that a long word costs a few multiplications in a row, not one for each byte.
    @inline(__always)
    private static func hash(_ start: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(start)
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        guard count >= 8 else {
            for index in 0..<count { hash = (hash ^ UInt64(start[index])) &* 0x100_0000_01b3 }
            return hash
        }
        var offset = 0
        while offset + 8 < count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 29
            offset += 8
        }
        // The last eight bytes (overlapping the ones before when the length is no multiple of 8).
        hash = (hash ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* 0x94D0_49BB_1331_11EB
        return hash ^ hash >> 31
    }

    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let a = UnsafeRawPointer(a)
        let b = UnsafeRawPointer(b)
        if count >= 8 {
            var offset = 0
            while offset + 8 <= count {
                guard a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
                offset += 8
            }
            return offset == count || a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 {
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                == b.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        for offset in 0..<count where a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) {
            return false
        }
        return true
    }

    /// Copies `count` bytes like ``equal(_:_:_:)`` reads them (the overlapping stores write
    /// the same bytes twice); `from` and `to` must not overlap.
    @inline(__always)
    private static func copy(_ from: UnsafePointer<UInt8>, to: UnsafeMutablePointer<UInt8>, _ count: Int) {
        let source = UnsafeRawPointer(from)
        let target = UnsafeMutableRawPointer(to)
        if count >= 8 {
            var offset = 0
            while offset + 8 <= count {
                target.storeBytes(of: source.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            let last = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            target.storeBytes(of: last, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let first = source.loadUnaligned(as: UInt32.self)
            let last = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            target.storeBytes(of: first, as: UInt32.self)
            target.storeBytes(of: last, toByteOffset: count - 4, as: UInt32.self)
        } else {
            for offset in 0..<count { to[offset] = from[offset] }
        }
    }

    private mutating func insert(_ word: UnsafeBufferPointer<UInt8>, _ stem: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        if used * 4 > StemCache.slotCount * 3 || arena.count > StemCache.arenaLimit { reset() }
        let mask = StemCache.slotCount - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].offset >= 0 { index = (index + 1) & mask }
        slots[index] = Slot(hash: hash, offset: Int32(arena.count), wordLength: UInt16(word.count), stemLength: UInt16(stem.count))
        arena.append(contentsOf: word)
        arena.append(contentsOf: stem)
        used += 1
    }

    private mutating func reset() {
        for index in slots.indices { slots[index].offset = -1 }
        arena.removeAll(keepingCapacity: true)
        used = 0
    }
}

/// The ``StemCache``s shared by every analysis of one ``TextAnalyzer``: a few of them, so
/// that analyses on several threads do not queue for one lock.
final class SharedStemCache: Sendable {
    private final class Slot: Sendable {
        let mutex = Mutex(StemCache())
    }

    /// Enough for the threads that analyse at once (the webhook source's deciders).
    static let count = 4
    private let slots = (0..<SharedStemCache.count).map { _ in Slot() }
    private let next = Atomic<Int>(0)

    /// Runs `body` with a cache no other thread is using: the first free one from a rotating
    /// start, or else waits for one.
    func withCache(_ body: (inout StemCache) -> Void) {
        let start = next.wrappingAdd(1, ordering: .relaxed).oldValue & Int.max
        for offset in 0..<slots.count {
            let ran: Void? = slots[(start + offset) % slots.count].mutex.withLockIfAvailable { body(&$0) }
            if ran != nil { return }
        }
        slots[start % slots.count].mutex.withLock { body(&$0) }
    }
}
