/// The burgerservicenummer (BSN): nine digits that pass the elfproef.
public enum BSN {
    /// Whether `digits` is exactly nine ASCII digits, not all zeros, passing the elfproef:
    /// 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11.
    ///
    /// Separators are not accepted; strip dots or spaces first.
    public static func isValid(_ digits: String) -> Bool {
        let bytes = Array(digits.utf8)
        guard bytes.count == 9, bytes.allSatisfy(EntityBytes.isDigit) else { return false }
        return passesElfproef(bytes.map { Int($0 &- 0x30) })
    }

    /// The elfproef on nine digit values.
    static func passesElfproef(_ d: [Int]) -> Bool {
        guard d.count == 9, d.contains(where: { $0 != 0 }) else { return false }
        var sum = -d[8]
        for k in 0..<8 { sum += (9 - k) * d[k] }
        return sum % 11 == 0
    }

    /// Finds a BSN whose first digit is at `i` (the start of a digit run) and returns its end.
    ///
    /// Written as nine digits in a row, or 3-3-3 or 4-2-3 with all dots or all single spaces
    /// between the groups. A BSN must not be part of a longer number: no digit may be joined to it
    /// by a separator of its own kind, a `.`, `,`, `-` or `/`, and it must not follow a `+`
    /// country code.
    static func match(in t: EntityBytes, at i: Int) -> Int? {
        var run = 0
        while run < 10, t.isDigit(at: i + run) { run += 1 }
        let grouping: [Int]
        switch run {
        case 9: grouping = [9]
        case 3: grouping = [3, 3, 3]
        case 4: grouping = [4, 2, 3]
        default: return nil
        }
        var sum = 0
        var nonZero = false
        var position = 0
        var j = i
        var separator: UInt8 = 0
        for (index, length) in grouping.enumerated() {
            if index > 0 {
                let b = t.at(j)
                guard b == 0x2E || b == 0x20, separator == 0 || b == separator else { return nil }
                separator = b
                j += 1
            }
            for _ in 0..<length {
                let b = t.at(j)
                guard EntityBytes.isDigit(b) else { return nil }
                let digit = Int(b &- 0x30)
                nonZero = nonZero || digit != 0
                sum += position == 8 ? -digit : (9 - position) * digit
                position += 1
                j += 1
            }
            if t.isDigit(at: j) { return nil }
        }
        guard !t.isWordCharacter(at: j), !t.isWordCharacter(before: i),
              !joinsNumber(t, separatorAt: j, digitAt: j + 1, own: separator),
              !joinsNumber(t, separatorAt: i - 1, digitAt: i - 2, own: separator),
              !followsCountryCode(t, at: i)
        else { return nil }
        return sum % 11 == 0 && nonZero ? j : nil
    }

    /// Whether a separator at `s` links the candidate to a digit at `d`.
    private static func joinsNumber(_ t: EntityBytes, separatorAt s: Int, digitAt d: Int, own: UInt8) -> Bool {
        let b = t.at(s)
        let linking = b == 0x2E || b == 0x2C || b == 0x2D || b == 0x2F || (own != 0 && b == own)
        return linking && t.isDigit(at: d)
    }

    /// Whether a `+` country code comes shortly before `i`, as in `+32 612345678`.
    private static func followsCountryCode(_ t: EntityBytes, at i: Int) -> Bool {
        var k = i - 1
        while k >= 0, i - k <= 8 {
            switch t.at(k) {
            case 0x2B: return true
            case 0x30...0x39, 0x20, 0x28, 0x29, 0x2D: k -= 1
            default: return false
            }
        }
        return false
    }
}
