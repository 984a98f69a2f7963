/// EUC-JP and ISO-2022-JP, decoded with a JIS X 0208 table that is built once from
/// Foundation's ISO-2022-JP converter (Foundation on Linux has no EUC-JP, and rejects a whole
/// ISO-2022-JP text for one bad character).
enum JapaneseDecoding {
    /// JIS X 0208 row/cell (both 0x21...0x7E, as 94 × 94) to code point; 0 where unassigned.
    static let jisX0208: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 94 * 94)
        let start: [UInt8] = [0x1B, 0x24, 0x42]
        let end: [UInt8] = [0x1B, 0x28, 0x42]
        for row in 0..<94 {
            var bytes = start
            for cell in 0..<94 { bytes += [UInt8(0x21 + row), UInt8(0x21 + cell)] }
            if let text = String(bytes: bytes + end, encoding: .iso2022JP), text.unicodeScalars.count == 94 {
                for (cell, scalar) in text.unicodeScalars.enumerated() { table[row * 94 + cell] = scalar.value }
                continue
            }
            for cell in 0..<94 {
                let pair = start + [UInt8(0x21 + row), UInt8(0x21 + cell)] + end
                if let text = String(bytes: pair, encoding: .iso2022JP), text.unicodeScalars.count == 1 {
                    table[row * 94 + cell] = text.unicodeScalars.first!.value
                }
            }
        }
        return table
    }()

    /// The character for a JIS X 0208 pair (each byte 0x21...0x7E), or U+FFFD.
    static func jis(_ first: UInt8, _ second: UInt8) -> Unicode.Scalar {
        guard (0x21...0x7E).contains(first), (0x21...0x7E).contains(second) else { return "\u{FFFD}" }
        let value = jisX0208[Int(first - 0x21) * 94 + Int(second - 0x21)]
        return value == 0 ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// EUC-JP: ASCII, JIS X 0208 as two bytes 0xA1...0xFE, half-width katakana after 0x8E;
    /// JIS X 0212 (after 0x8F) and invalid bytes become U+FFFD.
    static func eucJP(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
                index += 1
            } else if byte == 0x8E, (0xA1...0xDF).contains(next) {
                scalars.append(Unicode.Scalar(0xFF61 + UInt32(next - 0xA1))!)
                index += 2
            } else if byte == 0x8F, index + 2 < bytes.count, (0xA1...0xFE).contains(next),
                      (0xA1...0xFE).contains(bytes[index + 2]) {
                scalars.append("\u{FFFD}")
                index += 3
            } else if (0xA1...0xFE).contains(byte), (0xA1...0xFE).contains(next) {
                scalars.append(jis(byte & 0x7F, next & 0x7F))
                index += 2
            } else {
                scalars.append("\u{FFFD}")
                index += 1
            }
        }
        return String(scalars)
    }

    /// ISO-2022-JP (and the common -1/-2 escapes): ASCII, JIS Roman, JIS X 0208 and half-width
    /// katakana; other character sets and broken sequences become U+FFFD.
    static func iso2022JP(_ bytes: [UInt8]) -> String {
        enum Mode { case ascii, roman, jis0208, katakana, unsupported }
        var mode = Mode.ascii
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x1B, let (newMode, length) = escape(bytes, index) {
                switch newMode {
                case 0: mode = .ascii
                case 1: mode = .roman
                case 2: mode = .jis0208
                case 3: mode = .katakana
                default: mode = .unsupported
                }
                index += length
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                // Line ends reset to ASCII in practice (RFC 1468 requires it before them).
                scalars.append(Unicode.Scalar(byte))
                mode = .ascii
                index += 1
                continue
            }
            switch mode {
            case .ascii:
                scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : "\u{FFFD}")
                index += 1
            case .roman:
                scalars.append(byte == 0x5C ? "\u{A5}" : byte == 0x7E ? "\u{203E}" : byte < 0x80 ? Unicode.Scalar(byte) : "\u{FFFD}")
                index += 1
            case .katakana:
                scalars.append((0x21...0x5F).contains(byte) ? Unicode.Scalar(0xFF61 + UInt32(byte - 0x21))! : "\u{FFFD}")
                index += 1
            case .jis0208, .unsupported:
                if byte < 0x21 {
                    scalars.append(Unicode.Scalar(byte))
                    index += 1
                } else if index + 1 < bytes.count, bytes[index + 1] != 0x1B, bytes[index + 1] != 0x0A {
                    scalars.append(mode == .jis0208 ? jis(byte, bytes[index + 1]) : "\u{FFFD}")
                    index += 2
                } else {
                    scalars.append("\u{FFFD}")
                    index += 1
                }
            }
        }
        return String(scalars)
    }

    /// A recognised escape sequence at `index`: (0 ASCII, 1 JIS Roman, 2 JIS X 0208,
    /// 3 katakana, 4 other multi-byte set) and its length.
    private static func escape(_ bytes: [UInt8], _ index: Int) -> (Int, Int)? {
        guard index + 2 < bytes.count else { return nil }
        let first = bytes[index + 1], second = bytes[index + 2]
        switch (first, second) {
        case (0x28, 0x42): return (0, 3)
        case (0x28, 0x4A), (0x28, 0x48): return (1, 3)
        case (0x24, 0x40), (0x24, 0x42): return (2, 3)
        case (0x28, 0x49): return (3, 3)
        case (0x24, 0x41): return (4, 3)
        case (0x24, 0x28) where index + 3 < bytes.count: return (4, 4)
        case (0x26, 0x40) where index + 5 < bytes.count && bytes[index + 3] == 0x1B: return (2, 6)
        default: return nil
        }
    }
}
