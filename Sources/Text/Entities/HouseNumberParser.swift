/// Reads house numbers with their suffixes and decides from the words around them whether a
/// number is one.
///
/// Suffix forms: a letter (`12A`, `12 a`), `-` and up to four letters or digits (`12-2`,
/// `12-II`, `12-hs`), `bis`, `hs` and `huis` attached or after a space, and a spaced Roman
/// floor number (`12 II`). Normalized: digits, the letter in capitals, `-` and the rest in
/// capitals (`12A`, `12-2`, `12A-HS`, `12-BIS`).
enum HouseNumberParser {
    private static let wordSuffixes: Set<String> = ["bis", "hs", "huis"]
    /// Keywords before a number, lower case; compared byte for byte, ignoring ASCII case (no
    /// other character lower-cases to these letters).
    private static let keywords: [[UInt8]] = ["nr", "nummer", "huisnummer", "huisnr"].map { Array($0.utf8) }
    private static let boxWords: Set<String> = ["postbus", "antwoordnummer"]

    /// Parses a number of one to five digits (not starting with 0) and its suffix at `i`.
    static func parse(_ t: EntityBytes, at i: Int) -> (number: String, end: Int)? {
        var j = i
        while t.isDigit(at: j) { j += 1 }
        guard (1...5).contains(j - i), t.at(i) != 0x30 else { return nil }
        var letter: UInt8?
        var addition: String?
        var end = j
        if t.isLetter(at: j) {
            let k = letterRunEnd(t, from: j)
            guard !t.isWordCharacter(at: k) else { return nil }
            let word = t.string(j..<k).lowercased()
            if k - j == 1 {
                letter = EntityBytes.upper(t.at(j))
            } else if wordSuffixes.contains(word) {
                addition = word.uppercased()
            } else {
                return nil
            }
            end = k
        } else if t.isWordCharacter(at: j) {
            return nil
        } else if t.at(j) == 0x20, t.isLetter(at: j + 1) {
            let k = letterRunEnd(t, from: j + 1)
            let standsAlone = endsSpacedSuffix(t, at: k)
            let word = t.string((j + 1)..<k)
            if standsAlone, k - j == 2, EntityBytes.lower(t.at(j + 1)) != 0x75 {  // not "u"
                letter = EntityBytes.upper(t.at(j + 1))
                end = k
            } else if standsAlone, wordSuffixes.contains(word.lowercased()) || isRoman(word) {
                addition = word.uppercased()
                end = k
            }
        }
        if addition == nil, t.at(end) == 0x2D, EntityBytes.isAlnum(t.at(end + 1)) {
            var k = end + 1
            while EntityBytes.isAlnum(t.at(k)) { k += 1 }
            let linked = (t.at(k) == 0x2D || t.at(k) == 0x2F || t.at(k) == 0x2E) && EntityBytes.isAlnum(t.at(k + 1))
            guard k - end - 1 <= 4, !t.isWordCharacter(at: k), !linked else { return nil }
            addition = t.string((end + 1)..<k).uppercased()
            end = k
        }
        let b = t.at(end)
        if (b == 0x2C || b == 0x2E || b == 0x3A || b == 0x2F) && t.isDigit(at: end + 1) { return nil }
        var number = t.string(i..<j)
        if let letter { number.unicodeScalars.append(Unicode.Scalar(letter)) }
        if let addition { number += "-" + addition }
        return (number, end)
    }

    /// What may follow a suffix written after a space: the end, white space or closing punctuation
    /// (not `t/m`, `a.u.b.` or `'s`).
    private static func endsSpacedSuffix(_ t: EntityBytes, at k: Int) -> Bool {
        switch t.at(k) {
        case 0, 0x20, 0x09, 0x0A, 0x0D, 0x2C, 0x3B, 0x29, 0x21, 0x3F, 0x3A: return true
        case 0x2E: return !t.isLetter(at: k + 1)
        default: return false
        }
    }

    private static func letterRunEnd(_ t: EntityBytes, from j: Int) -> Int {
        var k = j
        while t.isLetter(at: k) { k += 1 }
        return k
    }

    /// A floor in Roman numerals of two or more capitals: `II`, `III`, `IV`.
    private static func isRoman(_ word: String) -> Bool {
        word.utf8.count >= 2 && word.utf8.count <= 4 && word.utf8.allSatisfy { $0 == 0x49 || $0 == 0x56 || $0 == 0x58 }
    }

    /// Whether the words before `i` make a number there a house number: a street word, or
    /// `nr`, `nr.`, `nummer` or `huisnummer` (optionally after a street word).
    static func context(_ t: EntityBytes, before i: Int) -> (isHouseNumber: Bool, street: String?) {
        var k = i
        var spaces = 0
        while spaces < 3, t.at(k - 1) == 0x20 || t.at(k - 1) == 0x09 {
            k -= 1
            spaces += 1
        }
        var punctuation = false
        if t.at(k - 1) == 0x2E || t.at(k - 1) == 0x3A {
            punctuation = true
            k -= 1
        }
        guard spaces > 0 || punctuation else { return (false, nil) }
        let start = StreetNames.wordStart(t, endingAt: k)
        guard start < k, !t.isWordCharacter(before: start) else { return (false, nil) }
        if k - start <= 10, isKeyword(t, start, k) {
            return (true, streetEnding(at: start - 1, t))
        }
        if !punctuation, let street = StreetNames.street(t, lastWord: start, k) {
            return (true, street)
        }
        return (false, nil)
    }

    /// Whether `start..<end` is one of ``keywords`` in any letter case.
    private static func isKeyword(_ t: EntityBytes, _ start: Int, _ end: Int) -> Bool {
        keywords.contains { keyword in
            keyword.count == end - start && keyword.indices.allSatisfy { EntityBytes.lower(t.at(start + $0)) == keyword[$0] }
        }
    }

    /// The street word ending at `end` (a space must follow it), if that is one.
    private static func streetEnding(at end: Int, _ t: EntityBytes) -> String? {
        guard t.at(end) == 0x20 else { return nil }
        let start = StreetNames.wordStart(t, endingAt: end)
        guard start < end else { return nil }
        return StreetNames.street(t, lastWord: start, end)
    }

    /// For a number written just before a postcode: whether it is a house number at all
    /// (not a `Postbus` number) and the street name before it, if any.
    static func streetBeforeAddress(_ t: EntityBytes, numberAt i: Int) -> (isHouseNumber: Bool, street: String?) {
        guard t.at(i - 1) == 0x20 else { return (true, nil) }
        let end = i - 1
        let start = StreetNames.wordStart(t, endingAt: end)
        guard start < end else { return (true, nil) }
        if boxWords.contains(t.string(start..<end).lowercased()) { return (false, nil) }
        if StreetNames.isStreetWord(t, start, end) || StreetNames.isNameWord(t, start, end) {
            return (true, StreetNames.name(t, lastWord: start, end))
        }
        return (true, nil)
    }
}
