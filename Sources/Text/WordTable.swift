import Glibc

/// A read-only hash table from words (byte strings) to small integer values, for looking up
/// every word of a text in constant time whatever the number of words in the table.
///
/// Open addressing over an FNV-1a hash; each key holds a range of values.
public struct WordTable: Sendable {
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var keyOffset: Int32 = -1
        var keyLength: Int32 = 0
        var first: Int32 = 0
        var count: Int32 = 0
    }

    private let slots: [Slot]
    private let keys: [UInt8]
    private let values: [Int32]
    private let mask: Int

    /// Builds the table; a key given more than once holds all its values, in order.
    public init(_ entries: [(key: [UInt8], value: Int)]) {
        var grouped: [[UInt8]: [Int32]] = [:]
        var order: [[UInt8]] = []
        for entry in entries {
            if grouped[entry.key] == nil { order.append(entry.key) }
            grouped[entry.key, default: []].append(Int32(entry.value))
        }
        var size = 16
        while size < order.count * 2 { size *= 2 }
        var slots = [Slot](repeating: Slot(), count: size)
        var keys: [UInt8] = []
        var values: [Int32] = []
        for key in order {
            let hash = key.withUnsafeBufferPointer(WordTable.hash)
            var index = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[index].keyOffset >= 0 { index = (index + 1) & (size - 1) }
            let group = grouped[key] ?? []
            slots[index] = Slot(hash: hash, keyOffset: Int32(keys.count), keyLength: Int32(key.count),
                                first: Int32(values.count), count: Int32(group.count))
            keys += key
            values += group
        }
        self.slots = slots
        self.keys = keys
        self.values = values
        mask = size - 1
    }

    /// Number of distinct keys.
    public var count: Int { slots.filter { $0.keyOffset >= 0 }.count }

    /// Calls `body` with each value of `word`, if it is in the table.
    public func forEachValue(of word: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard !word.isEmpty, let start = word.baseAddress else { return }
        let hash = WordTable.hash(word)
        var index = Int(truncatingIfNeeded: hash) & mask
        keys.withUnsafeBufferPointer { keys in
            while true {
                let slot = slots[index]
                if slot.keyOffset < 0 { return }
                if slot.hash == hash, Int(slot.keyLength) == word.count,
                   memcmp(keys.baseAddress! + Int(slot.keyOffset), start, word.count) == 0 {
                    for value in values[Int(slot.first)..<Int(slot.first + slot.count)] { body(Int(value)) }
                    return
                }
                index = (index + 1) & mask
            }
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash | 1
    }
}
