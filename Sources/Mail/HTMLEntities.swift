/// HTML character references: numeric ones and the named ones common in mail.
enum HTMLEntities {
    /// The text of a named reference (without `&` and `;`), or nil when unknown.
    static func named(_ name: String) -> String? {
        if let text = table[name] { return text }
        return table[name.asciiLowercased()].flatMap { caseInsensitive.contains(name.asciiLowercased()) ? $0 : nil }
    }

    /// Names also recognised in upper case (`&AMP;`, `&NBSP;`).
    private static let caseInsensitive: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

    /// Names a browser still recognises without the closing semicolon.
    static let legacyWithoutSemicolon: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

    /// The text of a numeric reference's code point, HTML5 style: Windows-1252 for 0x80...0x9F,
    /// U+FFFD for zero, surrogates and values past U+10FFFF.
    static func numeric(_ value: UInt32) -> String {
        if value >= 0x80 && value <= 0x9F {
            return CharsetTables.decodeWindows1252([UInt8(value)], undefinedAsControl: true)
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return String(scalar)
    }

    private static let table: [String: String] = {
        var table: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
            "euro": "€", "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—",
            "ndash": "–", "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”",
            "bdquo": "„", "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "bull": "•",
            "middot": "·", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷", "para": "¶",
            "sect": "§", "shy": "", "iexcl": "¡", "iquest": "¿", "cent": "¢", "pound": "£",
            "yen": "¥", "curren": "¤", "brvbar": "¦", "uml": "¨", "ordf": "ª", "ordm": "º",
            "not": "¬", "macr": "¯", "sup1": "¹", "sup2": "²", "sup3": "³", "acute": "´",
            "micro": "µ", "cedil": "¸", "frac14": "¼", "frac12": "½", "frac34": "¾",
            "zwnj": "", "zwj": "", "lrm": "", "rlm": "", "ensp": " ", "emsp": " ",
            "thinsp": " ", "dagger": "†", "Dagger": "‡", "permil": "‰", "prime": "′",
            "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "check": "✓",
            "szlig": "ß", "fnof": "ƒ", "circ": "ˆ", "tilde": "˜", "OElig": "Œ", "oelig": "œ",
            "Scaron": "Š", "scaron": "š", "Yuml": "Ÿ", "yuml": "ÿ", "ETH": "Ð", "eth": "ð",
            "THORN": "Þ", "thorn": "þ", "AElig": "Æ", "aelig": "æ", "Oslash": "Ø", "oslash": "ø",
            "Aring": "Å", "aring": "å", "Ccedil": "Ç", "ccedil": "ç", "Ntilde": "Ñ", "ntilde": "ñ",
            "Yacute": "Ý", "yacute": "ý", "ij": "ĳ", "IJ": "Ĳ",
        ]
        let accents: [(String, [Character: Character])] = [
            ("grave", ["a": "à", "e": "è", "i": "ì", "o": "ò", "u": "ù",
                       "A": "À", "E": "È", "I": "Ì", "O": "Ò", "U": "Ù"]),
            ("acute", ["a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú",
                       "A": "Á", "E": "É", "I": "Í", "O": "Ó", "U": "Ú"]),
            ("circ", ["a": "â", "e": "ê", "i": "î", "o": "ô", "u": "û",
                      "A": "Â", "E": "Ê", "I": "Î", "O": "Ô", "U": "Û"]),
            ("uml", ["a": "ä", "e": "ë", "i": "ï", "o": "ö", "u": "ü",
                     "A": "Ä", "E": "Ë", "I": "Ï", "O": "Ö", "U": "Ü"]),
            ("tilde", ["a": "ã", "o": "õ", "A": "Ã", "O": "Õ"]),
        ]
        for (suffix, letters) in accents {
            for (base, accented) in letters { table["\(base)\(suffix)"] = String(accented) }
        }
        return table
    }()
}
