/// Dutch postcodes: four digits 1000–9999 and two letters, the pairs SA, SD and SS excepted.
public enum Postcode {
    /// Returns the normalized form of a postcode written on its own, or `nil` if it is not one.
    ///
    /// Surrounding whitespace is ignored; between digits and letters one space (or no-break space)
    /// is allowed. `"2221 ab"` gives `"2221AB"`; `"0221AB"`, `"2221 SS"` and `"2221  AB"` give `nil`.
    public static func normalize(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { buffer -> String? in
            let t = EntityBytes(base: buffer)
            var start = 0
            var end = t.count
            while start < end, isSpace(t.at(start)) { start += 1 }
            while end > start, isSpace(t.at(end - 1)) { end -= 1 }
            guard let found = parse(t, at: start), found.end == end else { return nil }
            return found.postcode
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    /// Parses a postcode whose first digit is at `i`; the caller checks what precedes it.
    ///
    /// It must not run on into a further letter or digit. `capitals` tells whether both letters
    /// were written in capitals.
    static func parse(_ t: EntityBytes, at i: Int) -> (postcode: String, end: Int, capitals: Bool)? {
        let d0 = t.at(i)
        guard d0 != 0x30, EntityBytes.isDigit(d0), t.isDigit(at: i + 1), t.isDigit(at: i + 2),
              t.isDigit(at: i + 3), !t.isDigit(at: i + 4)
        else { return nil }
        var j = i + 4
        if t.at(j) == 0x20 {
            j += 1
        } else if t.at(j) == 0xC2, t.at(j + 1) == 0xA0 {
            j += 2
        }
        let l0 = t.at(j), l1 = t.at(j + 1)
        guard EntityBytes.isLetter(l0), EntityBytes.isLetter(l1), !t.isWordCharacter(at: j + 2)
        else { return nil }
        let u0 = EntityBytes.upper(l0), u1 = EntityBytes.upper(l1)
        if u0 == 0x53, u1 == 0x41 || u1 == 0x44 || u1 == 0x53 { return nil }  // SA, SD, SS
        let bytes = [t.at(i), t.at(i + 1), t.at(i + 2), t.at(i + 3), u0, u1]
        let capitals = EntityBytes.isUpper(l0) && EntityBytes.isUpper(l1)
        return (String(decoding: bytes, as: UTF8.self), j + 2, capitals)
    }

    /// Whether a postcode found in running text is believable.
    ///
    /// In running text a number followed by a short word looks like a postcode ("in 2019 en",
    /// "1500 km"). Letters in capitals are always taken; otherwise the pair must not be a
    /// common Dutch two-letter word or unit.
    static func isPlausibleInText(_ found: (postcode: String, end: Int, capitals: Bool)) -> Bool {
        if found.capitals { return true }
        let letters = found.postcode.utf8.suffix(2)
        let pair = String(decoding: letters, as: UTF8.self).lowercased()
        return !commonPairs.contains(pair)
    }

    /// Two-letter Dutch words, weekday abbreviations and units that follow numbers in prose.
    private static let commonPairs: Set<String> = [
        "al", "af", "am", "at", "be", "by", "ca", "cl", "cm", "ct", "da", "de", "di", "dl", "dm",
        "do", "en", "er", "et", "eu", "ex", "ga", "gb", "ha", "he", "hl", "ik", "in", "is", "je",
        "ja", "kb", "kg", "km", "kw", "ma", "mb", "me", "mg", "ml", "mm", "mw", "na", "nl", "nr",
        "nu", "of", "oh", "ok", "om", "on", "op", "pa", "pm", "pp", "st", "tb", "te", "to", "uw",
        "vs", "vr", "we", "wo", "za", "ze", "zo",
    ]
}
