/// A read-only view of a text's UTF-8 bytes, with the character tests the entity detectors share.
///
/// Detectors work on bytes for speed and decode a Unicode scalar only where a non-ASCII
/// character borders a candidate.
struct EntityBytes {
    let base: UnsafeBufferPointer<UInt8>

    var count: Int { base.count }

    /// The byte at `i`, or 0 when `i` is outside the text.
    @inline(__always)
    func at(_ i: Int) -> UInt8 {
        i >= 0 && i < base.count ? base[i] : 0
    }

    /// The bytes in `range` as a string.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: base[range]), as: UTF8.self)
    }

    // MARK: ASCII classes

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    @inline(__always)
    static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }

    @inline(__always)
    static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }

    @inline(__always)
    static func upper(_ b: UInt8) -> UInt8 { isLetter(b) ? b & ~0x20 : b }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { isLetter(b) ? b | 0x20 : b }

    /// Whether the byte at `i` is an ASCII digit.
    @inline(__always)
    func isDigit(at i: Int) -> Bool { Self.isDigit(at(i)) }

    /// Whether the byte at `i` is an ASCII letter.
    @inline(__always)
    func isLetter(at i: Int) -> Bool { Self.isLetter(at(i)) }

    // MARK: Word characters in any script

    /// Whether the character starting at `i` is a letter or digit in any script.
    func isWordCharacter(at i: Int) -> Bool {
        guard i >= 0, i < base.count else { return false }
        let b = base[i]
        if b < 0x80 { return Self.isAlnum(b) }
        guard let s = scalar(startingAt: i) else { return false }
        return Self.isWord(s.scalar)
    }

    /// Whether the character ending just before `i` is a letter or digit in any script.
    func isWordCharacter(before i: Int) -> Bool {
        guard i > 0, i <= base.count else { return false }
        let b = base[i - 1]
        if b < 0x80 { return Self.isAlnum(b) }
        guard let s = scalar(endingAt: i) else { return false }
        return Self.isWord(s.scalar)
    }

    static func isWord(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Decodes the scalar whose first byte is at `i`.
    func scalar(startingAt i: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard i >= 0, i < base.count else { return nil }
        let lead = base[i]
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard i + length <= base.count else { return nil }
        for k in 1..<length {
            let c = base[i + k]
            guard c & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(c & 0x3F)
        }
        guard let s = Unicode.Scalar(value) else { return nil }
        return (s, length)
    }

    /// Decodes the scalar whose last byte is at `i - 1`.
    func scalar(endingAt i: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard i > 0, i <= base.count else { return nil }
        var s = i - 1
        while s > 0, i - s < 4, base[s] & 0xC0 == 0x80 { s -= 1 }
        guard let decoded = scalar(startingAt: s), s + decoded.length == i else { return nil }
        return decoded
    }
}
