/// Finds Dutch telephone numbers in running text and normalizes them to `+31…`.
///
/// Accepted: national numbers (`0` and nine digits: `06-12345678`, `071 512 34 56`,
/// `(071) 5123456`), `+31` or `0031` with or without the trunk `(0)` (`+31 6 12345678`,
/// `+31(0)71-5123456`), and the service numbers 0800/0900/0906/0909 with four or seven digits.
/// Digit groups may be separated by one space, `-`, `–`, `.` or `/` (optionally spaced) or by
/// brackets.
/// The longest run of whole groups that forms a valid number is taken.
enum PhoneNumberParser {
    /// One digit group: the digits up to and including it, where it ends, its own length, and
    /// what separated it from the previous group.
    private struct Group {
        var digitCount: Int
        var end: Int
        var length: Int
        var separator: UInt8
    }

    private static let maxDigits = 15

    /// Parses a number starting at `i`: a `+`, a `(` or a `0` that starts a token.
    static func match(in t: EntityBytes, at i: Int) -> (number: String, end: Int)? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDigits + 8) { digits in
            withUnsafeTemporaryAllocation(of: Group.self, capacity: maxDigits + 2) { groups in
                match(t, at: i, digits: digits, groups: groups)
            }
        }
    }

    private static func match(
        _ t: EntityBytes, at i: Int, digits: UnsafeMutableBufferPointer<UInt8>,
        groups: UnsafeMutableBufferPointer<Group>
    ) -> (number: String, end: Int)? {
        var j = i
        var international = false
        if t.at(j) == 0x2B {
            guard t.at(j + 1) == 0x33, t.at(j + 2) == 0x31 else { return nil }
            international = true
            j += 3
        }
        var digitCount = 0
        var groupCount = 0
        while digitCount <= maxDigits, groupCount <= maxDigits {
            var k = j
            var separator: UInt8 = 0
            if groupCount > 0 || international {
                (k, separator) = skipSeparator(t, at: j)
            }
            let bracketed = t.at(k) == 0x28
            var m = bracketed ? k + 1 : k
            let first = m
            while t.isDigit(at: m), digitCount <= maxDigits {
                digits[digitCount] = t.at(m)
                digitCount += 1
                m += 1
            }
            let length = m - first
            guard length > 0 else { break }
            if bracketed {
                guard t.at(m) == 0x29, length <= 4 else {
                    digitCount -= length
                    break
                }
                m += 1
            }
            groups[groupCount] = Group(digitCount: digitCount, end: m, length: length, separator: separator)
            groupCount += 1
            j = m
        }
        guard groupCount > 0, !looksLikeDate(UnsafeBufferPointer(rebasing: groups[0..<groupCount]))
        else { return nil }
        if !international {
            let first = groups[0].length
            guard first >= 2, first != 2 || (digits[0] == 0x30 && digits[1] == 0x36) else { return nil }
        }
        for g in stride(from: groupCount - 1, through: 0, by: -1) {
            let end = groups[g].end
            guard !t.isWordCharacter(at: end), !(t.at(end) == 0x3A && t.isDigit(at: end + 1)),
                  !(t.at(end) == 0x2C && t.isDigit(at: end + 1))
            else { continue }
            let written = UnsafeBufferPointer(rebasing: digits[0..<groups[g].digitCount])
            if let number = normalize(written, international: international) {
                return (number, end)
            }
        }
        return nil
    }

    /// Skips one separator between groups: a space, `-`, `–`, `.` or `/`, the latter optionally
    /// with one space either side. Returns where the next group would start and the separator
    /// (a no-break space counts as a space, an en dash as `-`).
    private static func skipSeparator(_ t: EntityBytes, at j: Int) -> (Int, UInt8) {
        var k = j
        var separator: UInt8 = 0
        func skipSpace() -> Bool {
            if t.at(k) == 0x20 {
                k += 1
            } else if t.at(k) == 0xC2, t.at(k + 1) == 0xA0 {
                k += 2
            } else {
                return false
            }
            return true
        }
        if skipSpace() { separator = 0x20 }
        let b = t.at(k)
        if b == 0x2D || b == 0x2E || b == 0x2F {
            separator = b
            k += 1
            _ = skipSpace()
        } else if b == 0xE2, t.at(k + 1) == 0x80, t.at(k + 2) == 0x93 {
            separator = 0x2D
            k += 3
            _ = skipSpace()
        }
        return (k, separator)
    }

    /// `05-03-2024 …`: day, month and four-digit year parted by one and the same `-`, `.` or `/`.
    private static func looksLikeDate(_ groups: UnsafeBufferPointer<Group>) -> Bool {
        guard groups.count >= 3 else { return false }
        return groups[0].length <= 2 && groups[1].length <= 2 && groups[2].length == 4
            && groups[1].separator == groups[2].separator && groups[1].separator != 0x20
    }

    /// Turns the digits written into `+31…`, or `nil` when they are no Dutch number.
    private static func normalize(_ digits: UnsafeBufferPointer<UInt8>, international: Bool) -> String? {
        var national = digits[...]
        if !international {
            guard national.first == 0x30 else { return nil }
            if national.starts(with: [0x30, 0x30, 0x33, 0x31]) {
                national = national.dropFirst(4)
            } else {
                national = national.dropFirst()
                guard national.first != 0x30 else { return nil }
            }
        }
        if national.first == 0x30 { national = national.dropFirst() }  // trunk "(0)"
        guard let lead = national.first, lead != 0x30, isValidLength(national) else { return nil }
        return "+31" + String(decoding: national, as: UTF8.self)
    }

    /// Nine digits after the trunk prefix, or four or seven after a service prefix (800, 90x).
    private static func isValidLength(_ n: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        if n.count == 9 { return true }
        guard n.count == 7 || n.count == 10 else { return false }
        let s = n.startIndex
        let service = (n[s] == 0x38 && n[s + 1] == 0x30 && n[s + 2] == 0x30)
            || (n[s] == 0x39 && n[s + 1] == 0x30 && (n[s + 2] == 0x30 || n[s + 2] == 0x36 || n[s + 2] == 0x39))
        return service
    }
}
