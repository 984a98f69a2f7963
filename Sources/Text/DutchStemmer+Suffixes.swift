// The suffix steps of the Snowball Dutch algorithm (Snowball 3, `dutch.sbl`).
// Each step looks at the end of the word, picks the longest suffix of its
// table, and either performs that suffix's action (returning true) or fails
// without changing the word. `bra` is where the matched suffix starts.

extension DutchStemmer.Buffer {
    // MARK: Conditions

    /// R1: `i` lies in region 1.
    @inline(__always)
    func r1(_ i: Int) -> Bool { p1 <= i }

    /// R2: `i` lies in region 2.
    @inline(__always)
    func r2(_ i: Int) -> Bool { p2 <= i }

    /// V: a vowel or `ij` ends at `i`.
    @inline(__always)
    func v(_ i: Int) -> Bool {
        inGroup(before: i, .v) != nil || ends(with: "ij", at: i)
    }

    /// VX: a vowel or `ij` ends one scalar before `i`.
    @inline(__always)
    func vx(_ i: Int) -> Bool {
        guard i > 0 else { return false }
        return v(i - scalar(before: i).width)
    }

    /// C: a consonant other than the `j` of `ij` ends at `i`.
    @inline(__always)
    func c(_ i: Int) -> Bool {
        !ends(with: "ij", at: i) && outGroup(before: i, .v) != nil
    }

    // MARK: lengthen_V

    /// Doubles the vowel in a final vowel-consonant syllable (`lop` → `loop`),
    /// where Dutch spelling wants a long vowel written twice.
    mutating func lengthenV() {
        guard let ket = outGroup(before: limit, .vWX), ket > 0 else { return }
        let (vowel, width) = scalar(before: ket)
        let bra = ket - width
        switch vowel {
        case 0x61, 0x6F, 0x75, 0xE0...0xE2, 0xE4, 0xF2...0xF4, 0xF6, 0xF9...0xFC:  // a o u
            guard bra == 0 || outGroup(before: bra, .aeiou) != nil else { return }
            duplicate(bra, ket)
        case 0x65, 0xE8...0xEA:  // e è é ê
            var q = bra
            if q > 0 {
                guard let before = outGroup(before: q, .aeiou) else { return }
                q = before
            }
            if q > 0 {
                let (previous, previousWidth) = scalar(before: q)
                if DutchVowelGroup.aiou.contains(previous) { return }
                if DutchVowelGroup.e.contains(previous), q == previousWidth { return }
                let r = q - previousWidth
                if let s = inGroup(before: r, .aiou), outGroup(before: s, .aeiou) != nil { return }
            }
            duplicate(bra, ket)
        case 0xEB:  // ë, in eë or ië
            if ends(with: "e", at: bra) {
                replace(bra - 1, ket, with: "eëe")
            } else if ends(with: "i", at: bra) {
                replace(bra - 1, ket, with: "iee")
            }
        default:
            return
        }
    }

    // MARK: Steps 1 to 4

    /// Step 1: plural and verb endings (`-en`, `-s`, `-es`, `-ies`, `-nde`, ...).
    mutating func step1() -> Bool {
        let end = limit
        guard end > 0 else { return false }
        switch bytes[end - 1] {
        case UInt8(ascii: "s"):
            if ends(with: "ies", at: end) {
                guard r1(end - 3) else { return false }
                replaceSuffix(from: end - 3, with: "ie")
            } else if ends(with: "aus", at: end) {
                let bra = end - 3
                guard r1(bra), v(bra) else { return false }
                replaceSuffix(from: bra, with: "au")
            } else if ends(with: "és", at: end) {
                guard r1(end - 3) else { return false }
                replaceSuffix(from: end - 3, with: "é")
            } else if ends(with: "es", at: end) {
                return step1ES(end - 2)
            } else if ends(with: "'s", at: end) {
                truncate(at: end - 2)
            } else {
                let bra = end - 1
                guard r1(bra), !(ends(with: UInt8(ascii: "t"), at: bra) && r1(bra - 1)), c(bra) else {
                    return false
                }
                truncate(at: bra)
            }
            return true
        case UInt8(ascii: "n"):
            guard ends(with: "en", at: end) else { return false }
            return step1EN(end - 2)
        case UInt8(ascii: "e"):
            guard ends(with: "nde", at: end) else { return false }
            replaceSuffix(from: end - 3, with: "nd")
            return true
        default:
            return false
        }
    }

    private mutating func step1ES(_ bra: Int) -> Bool {
        if ends(with: "ar", at: bra), r1(bra - 2), c(bra - 2) {
            truncate(at: bra)
            lengthenV()
        } else if ends(with: "er", at: bra), r1(bra - 2), c(bra - 2) {
            truncate(at: bra)
        } else {
            guard r1(bra), c(bra) else { return false }
            replaceSuffix(from: bra, with: "e")
        }
        return true
    }

    private mutating func step1EN(_ bra: Int) -> Bool {
        if ends(with: "hed", at: bra), r1(bra - 3) {
            replaceSuffix(from: bra - 3, with: "heid")
        } else if ends(with: "nd", at: bra) {
            truncate(at: bra)
        } else if ends(with: UInt8(ascii: "d"), at: bra), r1(bra - 1), c(bra - 1) {
            truncate(at: bra - 1)
        } else if ends(with: UInt8(ascii: "i"), at: bra) || ends(with: UInt8(ascii: "j"), at: bra),
            v(bra - 1)
        {
            truncate(at: bra)
        } else {
            guard r1(bra), c(bra) else { return false }
            truncate(at: bra)
            lengthenV()
        }
        return true
    }

    /// Step 2: endings in `-e` (`-je`, `-de`, `-lijke`, `-ische`, ...).
    mutating func step2() -> Bool {
        let end = limit
        guard end >= 2, bytes[end - 1] == UInt8(ascii: "e") else { return false }
        let bra = end - 2
        switch bytes[bra] {
        case UInt8(ascii: "j"):
            return step2JE(bra)
        case UInt8(ascii: "d"):
            guard r1(bra), c(bra) else { return false }
            truncate(at: bra)
        case UInt8(ascii: "g"):
            guard r1(bra) else { return false }
            replaceSuffix(from: bra, with: "g")
        case UInt8(ascii: "t"):
            guard r1(bra) else { return false }
            replaceSuffix(from: bra, with: "t")
        case UInt8(ascii: "s"):
            guard r1(bra) else { return false }
            replaceSuffix(from: bra, with: "s")
        case UInt8(ascii: "r"):
            guard r1(bra) else { return false }
            replaceSuffix(from: bra, with: "r")
        case UInt8(ascii: "l"):
            guard r1(bra) else { return false }
            replaceSuffix(from: bra, with: "l")
            lengthenV()
        case UInt8(ascii: "n"):
            guard ends(with: "ene", at: end), r1(bra - 1), c(bra - 1) else { return false }
            replaceSuffix(from: bra - 1, with: "en")
            lengthenV()
        case UInt8(ascii: "v"):
            guard ends(with: "ieve", at: end), r1(bra - 2), c(bra - 2) else { return false }
            replaceSuffix(from: bra - 2, with: "ief")
        case UInt8(ascii: "k"):
            guard ends(with: "lijke", at: end), r1(bra - 3) else { return false }
            replaceSuffix(from: bra - 3, with: "lijk")
        case UInt8(ascii: "h"):
            guard ends(with: "ische", at: end), r1(bra - 3) else { return false }
            replaceSuffix(from: bra - 3, with: "isch")
        default:
            return false
        }
        return true
    }

    /// The diminutive `-je` and its variants (`-tje`, `-etje`, `-pje`, `-kje`).
    private mutating func step2JE(_ bra: Int) -> Bool {
        if ends(with: "'t", at: bra) {
            truncate(at: bra - 2)
        } else if ends(with: "et", at: bra), r1(bra - 2), c(bra - 2) {
            truncate(at: bra - 2)
        } else if ends(with: "rnt", at: bra) {
            replaceSuffix(from: bra - 3, with: "rn")
        } else if ends(with: UInt8(ascii: "t"), at: bra), r1(bra - 1), vx(bra - 1) {
            truncate(at: bra - 1)
        } else if ends(with: "ink", at: bra) {
            replaceSuffix(from: bra - 3, with: "ing")
        } else if ends(with: "mp", at: bra) {
            replaceSuffix(from: bra - 2, with: "m")
        } else if ends(with: UInt8(ascii: "'"), at: bra), r1(bra - 1) {
            truncate(at: bra - 1)
        } else {
            guard r1(bra), c(bra) else { return false }
            truncate(at: bra)
        }
        return true
    }

    /// Step 3: derivational endings (`-heid`, `-ing`, `-atie`, `-iteit`, ...).
    mutating func step3() -> Bool {
        let end = limit
        guard end > 0 else { return false }
        switch bytes[end - 1] {
        case UInt8(ascii: "d"):
            return ends(with: "heid", at: end) && deleteInR1(end - 4)
        case UInt8(ascii: "e"):
            if ends(with: "atie", at: end) {
                guard r1(end - 4) else { return false }
                replaceSuffix(from: end - 4, with: "eer")
                return true
            }
            if ends(with: "isme", at: end) { return step3ING(end - 4) }
            if ends(with: "fie", at: end) { return step3IE(end - 3, "f") }
            if ends(with: "gie", at: end) { return step3IE(end - 3, "g") }
            return false
        case UInt8(ascii: "g"):
            return ends(with: "ing", at: end) && step3ING(end - 3)
        case UInt8(ascii: "j"):
            if ends(with: "erij", at: end) { return step3ING(end - 4) }
            guard ends(with: "arij", at: end), r1(end - 4), c(end - 4) else { return false }
            replaceSuffix(from: end - 4, with: "aar")
            return true
        case UInt8(ascii: "l"):
            return ends(with: "sel", at: end) && deleteInR1(end - 3)
        case UInt8(ascii: "r"):
            if ends(with: "ster", at: end) { return deleteInR1(end - 4) }
            guard ends(with: "rder", at: end) else { return false }
            replaceSuffix(from: end - 4, with: "r")
            return true
        case UInt8(ascii: "t"):
            if ends(with: "iteit", at: end) {
                guard r1(end - 5) else { return false }
                truncate(at: end - 5)
                lengthenV()
                return true
            }
            if ends(with: "dst", at: end) { return replaceInR1C(end - 3, with: "d") }
            if ends(with: "tst", at: end) { return replaceInR1C(end - 3, with: "t") }
            return false
        default:
            return false
        }
    }

    /// `-ing`, `-isme`, `-erij`; `schilderij` becomes `schilder`, not `schild`.
    private mutating func step3ING(_ bra: Int) -> Bool {
        if ends(with: "ild", at: bra) {
            replaceSuffix(from: bra, with: "er")
            return true
        }
        guard r1(bra) else { return false }
        truncate(at: bra)
        lengthenV()
        return true
    }

    /// `-fie` and `-gie` in R2 become `f` and `g`.
    private mutating func step3IE(_ bra: Int, _ consonant: StaticString) -> Bool {
        guard r2(bra) else { return false }
        replaceSuffix(from: bra, with: consonant)
        lengthenV()
        return true
    }

    /// Step 4: adjective endings (`-baar`, `-achtig`, `-erig`, `-ig`, `-end`, ...).
    mutating func step4() -> Bool {
        if step4Table() { return true }
        let end = limit
        let bra: Int
        if ends(with: "igst", at: end) || ends(with: "iger", at: end) {
            bra = end - 4
        } else if ends(with: "ig", at: end) {
            bra = end - 2
        } else {
            return false
        }
        guard r1(bra), !(ends(with: "inn", at: bra) && bra == 3), c(bra) else { return false }
        truncate(at: bra)
        lengthenV()
        return true
    }

    /// The first table of step 4; fails without change if the action's condition fails.
    private mutating func step4Table() -> Bool {
        let end = limit
        guard end > 0 else { return false }
        switch bytes[end - 1] {
        case UInt8(ascii: "d"):
            return ends(with: "end", at: end) && deleteLengthen(end - 3)
        case UInt8(ascii: "f"):
            return ends(with: "atief", at: end) && replaceInR1(end - 5, with: "eer")
        case UInt8(ascii: "g"):
            if ends(with: "achtig", at: end) { return deleteInR1(end - 6) }
            return ends(with: "erig", at: end) && deleteLengthen(end - 4)
        case UInt8(ascii: "l"):
            return ends(with: "ioneel", at: end) && replaceInR1(end - 6, with: "ie")
        case UInt8(ascii: "r"):
            if ends(with: "achtiger", at: end) { return deleteInR1(end - 8) }
            if ends(with: "eriger", at: end) { return deleteLengthen(end - 6) }
            if ends(with: "lijker", at: end) { return replaceInR1(end - 6, with: "lijk") }
            if ends(with: "baar", at: end) { return deleteInR1(end - 4) }
            if ends(with: "naar", at: end) { return replaceInR1V(end - 4, with: "n") }
            if ends(with: "laar", at: end) { return replaceInR1V(end - 4, with: "l") }
            if ends(with: "raar", at: end) { return replaceInR1V(end - 4, with: "r") }
            return false
        case UInt8(ascii: "t"):
            if ends(with: "achtigst", at: end) { return deleteInR1(end - 8) }
            if ends(with: "erigst", at: end) { return deleteLengthen(end - 6) }
            if ends(with: "lijkst", at: end) { return replaceInR1(end - 6, with: "lijk") }
            return ends(with: "tant", at: end) && replaceInR1(end - 4, with: "teer")
        default:
            return false
        }
    }

    // MARK: Shared actions

    /// `R1 delete`.
    private mutating func deleteInR1(_ bra: Int) -> Bool {
        guard r1(bra) else { return false }
        truncate(at: bra)
        return true
    }

    /// `R1 C delete lengthen_V`.
    private mutating func deleteLengthen(_ bra: Int) -> Bool {
        guard r1(bra), c(bra) else { return false }
        truncate(at: bra)
        lengthenV()
        return true
    }

    /// `R1 <- literal`.
    private mutating func replaceInR1(_ bra: Int, with literal: StaticString) -> Bool {
        guard r1(bra) else { return false }
        replaceSuffix(from: bra, with: literal)
        return true
    }

    /// `R1 C <- literal`.
    private mutating func replaceInR1C(_ bra: Int, with literal: StaticString) -> Bool {
        guard r1(bra), c(bra) else { return false }
        replaceSuffix(from: bra, with: literal)
        return true
    }

    /// `R1 V <- literal`.
    private mutating func replaceInR1V(_ bra: Int, with literal: StaticString) -> Bool {
        guard r1(bra), v(bra) else { return false }
        replaceSuffix(from: bra, with: literal)
        return true
    }
}
