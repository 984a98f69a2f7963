// Regions, the `ge-` prefix and infix, and the final cleanup steps of the
// Snowball Dutch algorithm (Snowball 3, `dutch.sbl`).

extension DutchStemmer.Buffer {
    // MARK: Regions

    /// Sets `p1` and `p2`: R1 starts after the first non-vowel that follows a
    /// vowel (`ij` counts as a vowel), R2 after the next such non-vowel.
    mutating func measure() {
        p1 = limit
        p2 = limit
        let first = regionStart(from: 0)
        guard first >= 0 else { return }
        p1 = first
        let second = regionStart(from: first)
        if second >= 0 { p2 = second }
    }

    /// `repeat non-v  atleast 1 ('ij' or v)  non-v` from `i`: the position
    /// after that non-vowel, or -1.
    @inline(__always)
    private func regionStart(from i: Int) -> Int {
        guard let vowel = firstVowel(from: i) else { return -1 }
        let end = endOfVowels(at: vowel)
        guard end < limit else { return -1 }
        return end &- vowelClass(at: end)
    }

    /// The width of the scalar at `i` (which must be < `limit`), positive
    /// if it is a vowel (group `v`) and negative if not.
    @inline(__always)
    private func vowelClass(at i: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 { return DutchVowelGroup.v.contains(UInt32(b)) ? 1 : -1 }
        let s = scalar(at: i)
        return DutchVowelGroup.v.contains(s.value) ? s.width : -s.width
    }

    /// `gopast` up to (not past) the first vowel at or after `i`, if any.
    @inline(__always)
    private func firstVowel(from i: Int) -> Int? {
        var i = i
        while i < limit {
            let c = vowelClass(at: i)
            if c > 0 { return i }
            i &-= c
        }
        return nil
    }

    /// `repeat ('ij' or v)` from `i`, where a vowel starts: the position
    /// after the last vowel (or `ij`).
    @inline(__always)
    private func endOfVowels(at i: Int) -> Int {
        var i = i
        var c = vowelClass(at: i)
        repeat {
            if bytes[i] == UInt8(ascii: "i"), i &+ 1 < limit, bytes[i &+ 1] == UInt8(ascii: "j") {
                i &+= 2
            } else {
                i &+= c
            }
            guard i < limit else { return i }
            c = vowelClass(at: i)
        } while c > 0
        return i
    }

    /// What `ge` needs after it to be removed: three more scalars, and a
    /// vowel followed by something that is not a vowel.
    private func isRemovableGE(endingAt i: Int) -> Bool {
        var hop = i
        for _ in 0..<3 {
            guard hop < limit else { return false }
            hop &+= scalar(at: hop).width
        }
        guard let vowel = firstVowel(from: i) else { return false }
        return endOfVowels(at: vowel) < limit
    }

    /// Removes `ge` at `start`, then turns a following `ë` or `ï` (at `check`
    /// after the removal) into `e` or `i`.
    private mutating func removeGE(at start: Int, thenCheck check: Int) {
        replace(start, start + 2, with: "")
        if starts(with: "ë", at: check) {
            replace(check, check + 2, with: "e")
        } else if starts(with: "ï", at: check) {
            replace(check, check + 2, with: "i")
        }
    }

    // MARK: ge- prefix and infix

    /// Lose_prefix: drops a leading `ge` of a past participle (`gemaakt`),
    /// except in `geeft`, `geval...` (but `gevali...`), `gevaa...`, `gevare...`.
    mutating func losePrefix() -> Bool {
        guard starts(with: "ge", at: 0), isRemovableGE(endingAt: 2) else { return false }
        var matched = 0
        if starts(with: "eft", at: 2) || starts(with: "vaa", at: 2) || starts(with: "vare", at: 2) {
            return false
        }
        if starts(with: "val", at: 2) {
            guard starts(with: "vali", at: 2) else { return false }
            matched = 4
        }
        // The original algorithm looks for ë or ï where the match ended.
        removeGE(at: 0, thenCheck: matched)
        return true
    }

    /// Lose_infix: drops the first `ge` after the first scalar (`opgehaald`).
    mutating func loseInfix() -> Bool {
        // Snowball's `next` skips the first scalar, then goes on by scalars.
        // A scan by bytes from byte 1 finds the same `ge`: the bytes of `g`
        // and `e` never occur inside a multi-byte scalar.
        var i = 1
        while true {
            guard i &+ 1 < limit else { return false }
            if bytes[i] == UInt8(ascii: "g"), bytes[i &+ 1] == UInt8(ascii: "e") { break }
            i &+= 1
        }
        guard isRemovableGE(endingAt: i + 2) else { return false }
        removeGE(at: i, thenCheck: i)
        return true
    }

    // MARK: Final steps

    /// Step 1c, after `ge` removal: drops the `-d` or `-t` of a participle.
    mutating func step1c() -> Bool {
        let end = limit
        guard end > 0 else { return false }
        let last = bytes[end - 1]
        guard last == UInt8(ascii: "d") || last == UInt8(ascii: "t") else { return false }
        let bra = end - 1
        guard r1(bra), c(bra) else { return false }
        if last == UInt8(ascii: "d") {
            if ends(with: UInt8(ascii: "n"), at: bra), r1(bra - 1) { return false }
            if ends(with: "in", at: bra), bra == 2 {  // geïnd → inn, like innen
                replaceSuffix(from: bra, with: "n")
                return true
            }
        } else {
            if ends(with: UInt8(ascii: "h"), at: bra), r1(bra - 1) { return false }
            if ends(with: "en", at: bra), bra == 2 { return false }  // geënt
        }
        truncate(at: bra)
        return true
    }

    /// Step 7: `-kt`, `-ft`, `-pt` lose the `t`.
    mutating func step7() -> Bool {
        let end = limit
        guard end >= 2, bytes[end - 1] == UInt8(ascii: "t") else { return false }
        switch bytes[end - 2] {
        case UInt8(ascii: "k"), UInt8(ascii: "f"), UInt8(ascii: "p"):
            truncate(at: end - 1)
            return true
        default:
            return false
        }
    }

    /// Step 6: undoubles a final consonant and devoices a final `v` or `z`.
    mutating func step6() -> Bool {
        let end = limit
        guard end > 0 else { return false }
        let last = bytes[end - 1]
        if end >= 2, bytes[end - 2] == last, isDoubledConsonant(last) {
            // `inn` stays, so `innen` is not conflated with `in`.
            if last == UInt8(ascii: "n"), end == 3, bytes[0] == UInt8(ascii: "i") { return false }
            truncate(at: end - 1)
            return true
        }
        switch last {
        case UInt8(ascii: "v"): bytes[end - 1] = UInt8(ascii: "f")
        case UInt8(ascii: "z"): bytes[end - 1] = UInt8(ascii: "s")
        default: return false
        }
        return true
    }

    /// Whether a doubled `b` is one the algorithm undoubles: any consonant but `y`.
    @inline(__always)
    private func isDoubledConsonant(_ b: UInt8) -> Bool {
        let offset = b &- UInt8(ascii: "a")
        guard offset < 26 else { return false }
        // Every letter except a, e, i, o, u, y.
        let consonants: UInt32 = 0x3FF_FFFF & ~(1 << 0 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24)
        return (consonants >> UInt32(offset)) & 1 != 0
    }
}
