extension StringProtocol {
    /// Whether any UTF-8 byte of the text satisfies `predicate`; scans the bytes in place,
    /// which is many times faster than iterating `utf8` for the long texts of messages.
    @inlinable
    public func containsUTF8Byte(where predicate: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(where: predicate) }) { return found }
        return utf8.contains(where: predicate)
    }
}

/// Byte scans shared by the JSON reader and writer.
public enum JSONBytes {
    /// The index of the first byte from `index` on that a JSON string cannot hold as is (a
    /// control character, `"` or `\\`), or `bytes.count`; eight bytes at a time while none is.
    public static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let count = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let raw = UnsafeRawPointer(base)
        var index = index
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let quotes = word ^ (ones &* 0x22)
            let slashes = word ^ (ones &* 0x5C)
            // Exact tests for "some byte is below 0x20" and "some byte is zero".
            let controls = (word &- ones &* 0x20) & ~word
            let flagged = (controls | (quotes &- ones) & ~quotes | (slashes &- ones) & ~slashes) & highs
            if flagged != 0 { break }
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
