/// One line of a byte buffer, found the way Python's `email` splits lines: at CRLF, CR or LF.
struct ByteLine {
    /// First byte of the line.
    let start: Int
    /// End of the line's content (its terminator excluded).
    let contentEnd: Int
    /// Start of the next line (after the terminator).
    let next: Int

    /// Whether the line has no content: a blank line (or the end of the range).
    var isEmpty: Bool { contentEnd == start }

    /// The line that starts at `position`, not looking past `end`.
    static func at(_ position: Int, in bytes: [UInt8], end: Int) -> ByteLine {
        var index = position
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A { return ByteLine(start: position, contentEnd: index, next: index + 1) }
            if byte == 0x0D {
                let next = index + 1 < end && bytes[index + 1] == 0x0A ? index + 2 : index + 1
                return ByteLine(start: position, contentEnd: index, next: next)
            }
            index += 1
        }
        return ByteLine(start: position, contentEnd: end, next: end)
    }
}

/// Small byte-level helpers shared by the parsers.
enum Bytes {
    /// ASCII lower case of one byte.
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Whether `byte` is a space or a tab.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Whether `byte` is white space of any kind (space, tab, CR, LF, form feed, vertical tab).
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Whether `bytes[position...]` starts with `prefix`, comparing ASCII letters without case.
    static func hasPrefix(
        _ bytes: [UInt8], at position: Int, end: Int, _ prefix: [UInt8], ignoringCase: Bool = false
    ) -> Bool {
        guard position >= 0, end - position >= prefix.count else { return false }
        for offset in 0..<prefix.count {
            let byte = bytes[position + offset]
            if ignoringCase ? lower(byte) != lower(prefix[offset]) : byte != prefix[offset] {
                return false
            }
        }
        return true
    }

    /// The value of a hexadecimal digit, or nil.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// Text of raw header or protocol bytes: UTF-8 when valid, else Windows-1252.
    static func text<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let string = String(validating: bytes, as: UTF8.self) { return string }
        return Charsets.windows1252(Array(bytes))
    }

    /// Removes line terminators and trims white space: the unfolded form of a header value's bytes.
    static func unfold(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var bytes = value.filter { $0 != 0x0D && $0 != 0x0A }
        while let last = bytes.last, isBlankOrNewline(last) { bytes.removeLast() }
        guard let first = bytes.firstIndex(where: { !isBlankOrNewline($0) }) else { return [] }
        bytes.removeFirst(first)
        return bytes
    }

    private static func isBlankOrNewline(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// Removes line terminators and trims white space: the unfolded form of a header value.
    static func unfold(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars where scalar != "\r" && scalar != "\n" {
            scalars.append(scalar)
        }
        return String(scalars).trimmingBlanks()
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, CRs and LFs.
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isBlankOrNewline }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isBlankOrNewline })!
        return String(scalars[first...last])
    }

    /// ASCII-only lower case (charset and token names; never changes non-ASCII letters).
    func asciiLowercased() -> String {
        String(decoding: utf8.map(Bytes.lower), as: UTF8.self)
    }
}

extension Unicode.Scalar {
    /// Space, tab, CR, LF, form feed or vertical tab.
    var isBlankOrNewline: Bool {
        value == 0x20 || (value >= 0x09 && value <= 0x0D)
    }
}
