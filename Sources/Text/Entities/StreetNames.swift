/// Recognizes street names written just before a house number.
///
/// A street word ends in a common Dutch street suffix (`Dorpsstraat`, `Rijnsburgerweg`). Endings
/// that also end everyday words (`-ring`: vergadering; `-park`: pretpark) and bare suffixes
/// (`Markt 3`) count only when the word is capitalized. The name may run back over further
/// capitalized words and lower-case particles (`Burgemeester van der Werffstraat`), but not over
/// prose (`Ik woon aan de Dorpsstraat` gives `Dorpsstraat`).
enum StreetNames {
    /// Endings that make a street word even in lower case (`dorpsstraat 12`).
    static let strongSuffixes: [[UInt8]] = [
        "straat", "straatje", "laan", "laantje", "weg", "plein", "kade", "gracht", "singel", "dijk",
        "steeg", "dreef", "plantsoen", "boulevard", "allee", "wetering",
    ].map { Array($0.utf8) }

    /// Endings that make a street word only when it is capitalized (`Rijnhof 3`).
    static let weakSuffixes: [[UInt8]] = [
        "hof", "pad", "markt", "park", "wal", "baan", "haven", "veld", "erf", "poort", "ring",
        "vliet", "kanaal", "zijde", "hoven", "tuin", "brink", "passage", "promenade", "weide",
    ].map { Array($0.utf8) }

    /// Lower-case words that may stand inside a street name without starting it.
    private static let particles: Set<String> = [
        "van", "der", "den", "de", "het", "'t", "'s", "ter", "ten", "la", "le", "du",
    ]

    /// Capitalized words that start sentences or addresses rather than street names.
    private static let stopWords: Set<String> = [
        "aan", "achter", "adres", "al", "bel", "beste", "bij", "daar", "dan", "dat", "deze", "die",
        "dit", "dus", "een", "en", "er", "gisteren", "graag", "hallo", "hier", "hoek", "hoi", "ik",
        "in", "is", "langs", "locatie", "maar", "mijn", "morgen", "naar", "naast", "nabij", "niet",
        "nu", "of", "om", "ons", "onze", "ook", "op", "postadres", "richting", "sinds", "straat",
        "tegenover", "tot", "uw", "vanaf", "vandaag", "via", "voor", "waar", "we", "wel", "wij",
        "woonadres", "zie",
    ]

    /// The word ending at `end`: letters of any script, `-` and apostrophes. Returns its start.
    static func wordStart(_ t: EntityBytes, endingAt end: Int) -> Int {
        var s = end
        while s > 0 {
            let b = t.at(s - 1)
            if EntityBytes.isLetter(b) || b == 0x2D || b == 0x27 {
                s -= 1
            } else if b >= 0x80, let scalar = t.scalar(endingAt: s),
                      scalar.scalar.properties.isAlphabetic || scalar.scalar == "\u{2019}" {
                s -= scalar.length
            } else {
                break
            }
        }
        return s
    }

    /// Whether the word `start..<end` is a street word (see the type's description).
    static func isStreetWord(_ t: EntityBytes, _ start: Int, _ end: Int) -> Bool {
        let capitalized = EntityBytes.isUpper(t.at(start))
        if let suffix = longestSuffix(t, start, end, in: strongSuffixes) {
            return end - start > suffix || capitalized
        }
        return capitalized && longestSuffix(t, start, end, in: weakSuffixes) != nil
    }

    /// The length of a suffix from `list` that the word ends in, ignoring case.
    private static func longestSuffix(_ t: EntityBytes, _ start: Int, _ end: Int, in list: [[UInt8]]) -> Int? {
        var found: Int?
        let last = EntityBytes.lower(t.at(end - 1))
        for suffix in list where end - start >= suffix.count && suffix.count > (found ?? 0) && suffix.last == last {
            var matches = true
            for (k, b) in suffix.enumerated() where EntityBytes.lower(t.at(end - suffix.count + k)) != b {
                matches = false
                break
            }
            if matches { found = suffix.count }
        }
        return found
    }

    /// Whether the word is capitalized and not a common sentence opener.
    static func isNameWord(_ t: EntityBytes, _ start: Int, _ end: Int) -> Bool {
        guard end > start else { return false }
        let first = t.at(start)
        let capitalized: Bool
        if first < 0x80 {
            capitalized = EntityBytes.isUpper(first)
        } else {
            capitalized = t.scalar(startingAt: start)?.scalar.properties.isUppercase ?? false
        }
        guard capitalized else { return false }
        return !isListed(t, start, end, in: stopWords, keys: stopWordKeys) && !isParticle(t, start, end)
    }

    /// Whether the word `start..<end` is one of ``particles``, in any letter case.
    static func isParticle(_ t: EntityBytes, _ start: Int, _ end: Int) -> Bool {
        isListed(t, start, end, in: particles, keys: particleKeys)
    }

    private static let stopWordKeys = Set(stopWords.compactMap(key))
    private static let particleKeys = Set(particles.compactMap(key))

    /// Whether the word `start..<end` in lower case is in `words`, whose ``key(_:)``s are `keys`:
    /// a short ASCII word is looked up by its key, without making a string of it.
    private static func isListed(_ t: EntityBytes, _ start: Int, _ end: Int, in words: Set<String>, keys: Set<UInt64>) -> Bool {
        if let key = key(t, start, end) { return keys.contains(key) }
        return words.contains(t.string(start..<end).lowercased())
    }

    /// The word `start..<end` in lower case packed into one integer, when it is ASCII and at
    /// most eight bytes long (the same as ``key(_:)`` of that lower-case word).
    private static func key(_ t: EntityBytes, _ start: Int, _ end: Int) -> UInt64? {
        guard end - start <= 8 else { return nil }
        var key: UInt64 = 0
        var index = end
        while index > start {
            index -= 1
            let byte = t.at(index)
            guard byte < 0x80 else { return nil }
            key = key << 8 | UInt64(EntityBytes.lower(byte))
        }
        return key
    }

    /// `word` packed as ``key(_:_:_:)`` packs a word of a text, or nil when it is longer or not ASCII.
    private static func key(_ word: String) -> UInt64? {
        let bytes = Array(word.utf8)
        guard bytes.count <= 8, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The street name whose last word is `start..<end`, when the name has a street word in it:
    /// as its last word (`Dorpsstraat`) or, in a run of capitalized words, further back
    /// (`Laan van Meerdervoort`, `Hoofdstraat Noord`).
    static func street(_ t: EntityBytes, lastWord start: Int, _ end: Int) -> String? {
        if isStreetWord(t, start, end) { return name(t, lastWord: start, end) }
        guard isNameWord(t, start, end) else { return nil }
        var cursor = start
        for _ in 0..<4 {
            guard t.at(cursor - 1) == 0x20 else { return nil }
            let wordEnd = cursor - 1
            let wordStart = wordStart(t, endingAt: wordEnd)
            guard wordStart < wordEnd else { return nil }
            if isStreetWord(t, wordStart, wordEnd), EntityBytes.isUpper(t.at(wordStart)) {
                return name(t, lastWord: start, end)
            }
            guard isNameWord(t, wordStart, wordEnd) || isParticle(t, wordStart, wordEnd) else { return nil }
            cursor = wordStart
        }
        return nil
    }

    /// The full street name whose last word is `start..<end`, extended back over name words
    /// and particles joined by single spaces; leading particles are dropped.
    static func name(_ t: EntityBytes, lastWord start: Int, _ end: Int) -> String {
        var committed = start
        var cursor = start
        for _ in 0..<5 {
            guard t.at(cursor - 1) == 0x20 else { break }
            let wordEnd = cursor - 1
            let wordStart = wordStart(t, endingAt: wordEnd)
            guard wordStart < wordEnd else { break }
            if isNameWord(t, wordStart, wordEnd) {
                committed = wordStart
            } else if !isParticle(t, wordStart, wordEnd) {
                break
            }
            cursor = wordStart
        }
        return t.string(committed..<end)
    }
}
