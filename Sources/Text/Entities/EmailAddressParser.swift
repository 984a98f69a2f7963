/// Finds e-mail addresses around an `@`: an RFC 5322 dot-atom local part and a domain name
/// of at least two labels with an alphabetic top-level label.
///
/// Only ASCII addresses are found; an address with non-ASCII letters is left alone rather than
/// cut short.
enum EmailAddressParser {
    private static let maxLocalLength = 64
    private static let maxAddressLength = 254

    /// Parses the address whose `@` is at `sign`; returns where it starts and ends.
    static func match(in t: EntityBytes, at sign: Int) -> (start: Int, end: Int)? {
        guard let start = localStart(t, at: sign), let end = domainEnd(t, from: sign + 1),
              end - start <= maxAddressLength
        else { return nil }
        return (start, end)
    }

    /// RFC 5322 `atext`: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    private static func isAtext(_ b: UInt8) -> Bool {
        if EntityBytes.isAlnum(b) { return true }
        switch b {
        case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2F, 0x3D, 0x3F, 0x5E, 0x5F,
             0x60, 0x7B, 0x7C, 0x7D, 0x7E:
            return true
        default:
            return false
        }
    }

    private static func localStart(_ t: EntityBytes, at sign: Int) -> Int? {
        var s = sign
        while s > 0, sign - s <= maxLocalLength + 8, isAtext(t.at(s - 1)) || t.at(s - 1) == 0x2E {
            s -= 1
        }
        guard !t.isWordCharacter(before: s), t.at(s - 1) != 0x40 else { return nil }
        // Quotes, brackets and dots that lead into the address belong to the prose around it.
        while s < sign, !EntityBytes.isAlnum(t.at(s)), t.at(s) != 0x5F { s += 1 }
        guard s < sign, sign - s <= maxLocalLength, t.at(sign - 1) != 0x2E else { return nil }
        for k in s..<(sign - 1) where t.at(k) == 0x2E && t.at(k + 1) == 0x2E { return nil }
        return s
    }

    private static func domainEnd(_ t: EntityBytes, from start: Int) -> Int? {
        var j = start
        var labels = 0
        var lastLabel = start..<start
        while true {
            let labelStart = j
            guard j - start <= maxAddressLength else { return nil }
            while EntityBytes.isAlnum(t.at(j)) || t.at(j) == 0x2D { j += 1 }
            let length = j - labelStart
            guard length >= 1, length <= 63, t.at(labelStart) != 0x2D, t.at(j - 1) != 0x2D
            else { return nil }
            labels += 1
            lastLabel = labelStart..<j
            if t.at(j) == 0x2E, EntityBytes.isAlnum(t.at(j + 1)) {
                j += 1
            } else {
                break
            }
        }
        guard labels >= 2, lastLabel.count >= 2, lastLabel.allSatisfy({ t.isLetter(at: $0) }),
              !t.isWordCharacter(at: j), t.at(j) != 0x40, t.at(j) != 0x5F
        else { return nil }
        return j
    }
}
