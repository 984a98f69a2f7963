import Foundation

/// Case and diacritic folding for Dutch text: `É` → `e`, `ë` → `e`, `ĳ` → `ij`, `ß` → `ss`.
///
/// Folding works per Unicode scalar so that every folded byte can be traced back to the
/// original text; ``TextAnalyzer`` relies on that to mark matches in the original.
public enum TextFolding {
    /// Folds a whole string: lower case, no diacritics, ligatures spelled out.
    public static func fold(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            append(scalar, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the folded UTF-8 form of one scalar.
    @inlinable
    public static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        forEachFoldedByte(of: scalar) { bytes.append($0) }
    }

    /// Calls `body` with each byte of the folded UTF-8 form of one scalar, in order.
    @inlinable
    public static func forEachFoldedByte(of scalar: Unicode.Scalar, _ body: (UInt8) -> Void) {
        let value = scalar.value
        if value < 0x80 {
            body(asciiLower[Int(value)])
        } else if value < UInt32(latinTable.count) {
            for byte in latinTable[Int(value)] { body(byte) }
        } else {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                for byte in String(lower).utf8 { body(byte) }
            }
        }
    }

    /// Whether the scalar belongs inside a word (letters, digits, combining marks).
    @inlinable
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return asciiWord[Int(value)] }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark
    }

    /// ASCII lower-casing table.
    public static let asciiLower: [UInt8] = (0..<128).map { byte in
        (65...90).contains(byte) ? UInt8(byte + 32) : UInt8(byte)
    }

    /// Which ASCII bytes are word characters (letters and digits).
    public static let asciiWord: [Bool] = (0..<128).map { byte in
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }

    /// Folded forms of U+0080…U+02FF, computed once with Foundation's folding.
    public static let latinTable: [[UInt8]] = (0..<0x300).map { value -> [UInt8] in
        guard value >= 0x80, let scalar = Unicode.Scalar(UInt32(value)) else { return [] }
        if let special = specialFolds[UInt32(value)] { return Array(special.utf8) }
        let folded = String(scalar)
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
        return Array(folded.utf8)
    }

    private static let specialFolds: [UInt32: String] = [
        0xDF: "ss", 0xC6: "ae", 0xE6: "ae", 0x152: "oe", 0x153: "oe",
        0xD8: "o", 0xF8: "o", 0x132: "ij", 0x133: "ij", 0x141: "l", 0x142: "l",
        0xD0: "d", 0xF0: "d", 0xDE: "th", 0xFE: "th", 0x110: "d", 0x111: "d",
        0xA0: " ", 0xAD: "",
    ]
}
