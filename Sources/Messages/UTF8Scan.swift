extension StringProtocol {
    /// Whether any UTF-8 byte of the text satisfies `predicate`; scans the bytes in place,
    /// which is many times faster than iterating `utf8` for the long texts of messages.
    @inlinable
    public func containsUTF8Byte(where predicate: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(where: predicate) }) { return found }
        return utf8.contains(where: predicate)
    }
}

/// Eight bytes tested at once: each test gives a mask that is nonzero exactly when some byte
/// passes it, and whose lowest set bit (`0x80` of a byte) marks the first such byte.
public struct ByteWord {
    /// The eight bytes, the first in the lowest bits.
    public let value: UInt64

    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The eight bytes at `offset` from `base`, which must hold them.
    @inlinable
    public init(at base: UnsafeRawPointer, offset: Int) {
        value = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inlinable
    init(_ value: UInt64) {
        self.value = value
    }

    /// The bytes below `limit` (at most 0x80).
    @inlinable
    public func below(_ limit: UInt8) -> UInt64 {
        (value &- Self.ones &* UInt64(limit)) & ~value & (Self.ones &* 0x80)
    }

    /// The bytes equal to `byte`.
    @inlinable
    public func equal(to byte: UInt8) -> UInt64 {
        ByteWord(value ^ (Self.ones &* UInt64(byte))).below(1)
    }
}

/// Byte scans shared by the JSON reader and writer.
public enum JSONBytes {
    /// The index of the first byte from `index` on that a JSON string cannot hold as is (a
    /// control character, `"` or `\\`), or `bytes.count`; eight bytes at a time while none is.
    public static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let count = bytes.count
        var index = index
        while index + 8 <= count {
            let word = ByteWord(at: base, offset: index)
            if word.below(0x20) | word.equal(to: 0x22) | word.equal(to: 0x5C) != 0 { break }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return index }
            index += 1
        }
        return count
    }
}
