/// Table-driven decoders for the Latin single-byte charsets mail uses most.
enum CharsetTables {
    /// Windows-1252 code points for bytes 0x80...0x9F; 0 marks the five undefined bytes.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Windows-1252 text; undefined bytes become C1 controls (as ISO-8859-1 reads them) or U+FFFD.
    static func decodeWindows1252(_ bytes: [UInt8], undefinedAsControl: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F {
                let code = windows1252High[Int(byte - 0x80)]
                if code != 0 {
                    scalars.append(Unicode.Scalar(code)!)
                } else {
                    scalars.append(undefinedAsControl ? Unicode.Scalar(byte) : "\u{FFFD}")
                }
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// ISO-8859-15: ISO-8859-1 with eight positions changed (the euro sign among them).
    static func decodeLatin9(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let code: UInt32
            switch byte {
            case 0xA4: code = 0x20AC
            case 0xA6: code = 0x0160
            case 0xA8: code = 0x0161
            case 0xB4: code = 0x017D
            case 0xB8: code = 0x017E
            case 0xBC: code = 0x0152
            case 0xBD: code = 0x0153
            case 0xBE: code = 0x0178
            default: code = UInt32(byte)
            }
            scalars.append(Unicode.Scalar(code)!)
        }
        return String(scalars)
    }
}

/// UTF-16 and UTF-32 with byte-order marks; invalid units become U+FFFD.
enum UnicodeDecoding {
    /// UTF-16 text; without a byte-order mark and a given order, little-endian (as Windows
    /// and Python write it).
    static func utf16(_ bytes: [UInt8], bigEndian: Bool?) -> String {
        var start = 0
        var big = bigEndian ?? false
        if bigEndian == nil, bytes.count >= 2 {
            if bytes[0] == 0xFE && bytes[1] == 0xFF { big = true; start = 2 }
            if bytes[0] == 0xFF && bytes[1] == 0xFE { big = false; start = 2 }
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = start
        while index + 1 < bytes.count {
            let high = UInt16(bytes[big ? index : index + 1])
            let low = UInt16(bytes[big ? index + 1 : index])
            units.append(high << 8 | low)
            index += 2
        }
        var text = String(decoding: units, as: UTF16.self)
        if index < bytes.count { text.append("\u{FFFD}") }
        return text
    }

    /// UTF-32 text; without a byte-order mark and a given order, little-endian.
    static func utf32(_ bytes: [UInt8], bigEndian: Bool?) -> String {
        var start = 0
        var big = bigEndian ?? false
        if bigEndian == nil, bytes.count >= 4 {
            if bytes[0...3] == [0, 0, 0xFE, 0xFF] { big = true; start = 4 }
            if bytes[0...3] == [0xFF, 0xFE, 0, 0] { big = false; start = 4 }
        }
        var scalars = String.UnicodeScalarView()
        var index = start
        while index + 3 < bytes.count {
            var value: UInt32 = 0
            for offset in 0..<4 {
                let byte = UInt32(bytes[big ? index + offset : index + 3 - offset])
                value = value << 8 | byte
            }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            index += 4
        }
        if index < bytes.count { scalars.append("\u{FFFD}") }
        return String(scalars)
    }
}
