/// Finds postcodes, house numbers, telephone numbers, e-mail addresses and BSNs in a text.
///
/// One pass over the UTF-8 bytes: only digits, `+`, `(` and `@` can start an entity, so plain
/// prose is skipped quickly. Where candidates compete for the same characters, an e-mail
/// address wins over everything inside it, a telephone number over a BSN, and a postcode over a
/// house number.
public enum EntityScanner {
    /// Scans `text` and returns every entity found, each kind in text order.
    public static func scan(_ text: String) -> Entities {
        if let found = text.utf8.withContiguousStorageIfAvailable({ scan(EntityBytes(base: $0)) }) {
            return found
        }
        return Array(text.utf8).withUnsafeBufferPointer { scan(EntityBytes(base: $0)) }
    }

    /// Scans the UTF-8 bytes of a text: the same result as ``scan(_:)`` on the string of these
    /// bytes, without making one.
    public static func scan(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Entities {
        scan(EntityBytes(base: bytes))
    }

    /// Whether `bytes` hold a byte that can start an entity (a digit, `(`, `+` or `@`): when
    /// not, ``scan(utf8:)`` finds nothing, and a caller may skip it.
    public static func mayFind(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var i = 0
        while i + 8 <= bytes.count {
            if bytesBeforeTrigger(base + i) < 8 { return true }
            i += 8
        }
        while i < bytes.count {
            let b = base[i]
            if EntityBytes.isDigit(b) || b == 0x28 || b == 0x2B || b == 0x40 { return true }
            i += 1
        }
        return false
    }

    /// The scan proper, over the text's bytes.
    static func scan(_ t: EntityBytes) -> Entities {
        var found = Entities()
        var i = 0
        let n = t.count
        while i < n {
            if i + 8 <= n {
                let skip = bytesBeforeTrigger(t.base.baseAddress! + i)
                i += skip
                if skip == 8 { continue }
            }
            let b = t.base[i]
            // Every trigger byte ('(', '+', digits, '@') lies in 0x28...0x40.
            if b > 0x40 || b < 0x28 {
                i += 1
                continue
            }
            if b == 0x40 {
                if let email = EmailAddressParser.match(in: t, at: i) {
                    found.emails.append(EmailMatch(address: t.string(email.start..<email.end),
                                                   range: TextRange(start: email.start, end: email.end)))
                    i = email.end
                    continue
                }
            } else if b == 0x2B || b == 0x28 {
                if !t.isWordCharacter(before: i), let phone = PhoneNumberParser.match(in: t, at: i) {
                    found.phones.append(PhoneMatch(number: phone.number, range: TextRange(start: i, end: phone.end)))
                    i = phone.end
                    continue
                }
            } else if EntityBytes.isDigit(b), startsToken(t, at: i) {
                if let end = scanNumber(t, at: i, into: &found) {
                    i = end
                    continue
                }
            }
            i += 1
        }
        if !found.emails.isEmpty { dropOverlaps(with: found.emails.map(\.range), in: &found) }
        return found
    }

    /// How many of the 8 bytes at `p` come before the first that can start an entity (a digit,
    /// `(`, `+` or `@`); 8 when none can. Tests the 8 bytes at once: every trigger byte is
    /// flagged, and a wrong flag can only stand above a trigger, so the lowest flag is the first.
    @inline(__always)
    private static func bytesBeforeTrigger(_ p: UnsafePointer<UInt8>) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let x = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        // Flags the bytes of `v` below `n` (n ≤ 128); a byte with its top bit set is never flagged.
        func below(_ v: UInt64, _ n: UInt64) -> UInt64 { (v &- ones &* n) & ~v & (ones &* 0x80) }
        let found = below(x ^ (ones &* 0x30), 10) | below(x ^ (ones &* 0x28), 1)
            | below(x ^ (ones &* 0x2B), 1) | below(x ^ (ones &* 0x40), 1)
        return found.trailingZeroBitCount / 8
    }

    /// Whether a digit at `i` starts a token: no letter, digit or `+` right before it.
    @inline(__always)
    private static func startsToken(_ t: EntityBytes, at i: Int) -> Bool {
        guard i > 0 else { return true }
        let p = t.base[i - 1]
        if p < 0x80 { return !EntityBytes.isAlnum(p) && p != 0x2B }
        return !t.isWordCharacter(before: i)
    }

    /// Tries every entity that starts with a digit at `i`; returns where scanning resumes.
    private static func scanNumber(_ t: EntityBytes, at i: Int, into found: inout Entities) -> Int? {
        if followsIBANBankCode(t, at: i) { return nil }
        if t.base[i] == 0x30 {
            if let phone = PhoneNumberParser.match(in: t, at: i) {
                found.phones.append(PhoneMatch(number: phone.number, range: TextRange(start: i, end: phone.end)))
                return phone.end
            }
            if let end = BSN.match(in: t, at: i) {
                found.bsns.append(BSNMatch(range: TextRange(start: i, end: end)))
                return end
            }
            return nil
        }
        if let postcode = Postcode.parse(t, at: i), Postcode.isPlausibleInText(postcode) {
            found.postcodes.append(PostcodeMatch(postcode: postcode.postcode,
                                                 range: TextRange(start: i, end: postcode.end)))
            return houseNumberAfterPostcode(t, at: postcode.end, into: &found) ?? postcode.end
        }
        if let end = BSN.match(in: t, at: i) {
            found.bsns.append(BSNMatch(range: TextRange(start: i, end: end)))
            return end
        }
        return houseNumber(t, at: i, into: &found)
    }

    /// Whether `i` starts the account digits of an IBAN written in groups: `NL91 ABNA 0417 1643 00`.
    private static func followsIBANBankCode(_ t: EntityBytes, at i: Int) -> Bool {
        guard i >= 10, t.at(i - 1) == 0x20, t.at(i - 6) == 0x20 else { return false }
        for k in (i - 5)..<(i - 1) where !EntityBytes.isUpper(t.at(k)) { return false }
        return t.isDigit(at: i - 8) && t.isDigit(at: i - 7) && EntityBytes.isUpper(t.at(i - 10))
            && EntityBytes.isUpper(t.at(i - 9)) && !t.isWordCharacter(before: i - 10)
    }

    /// A house number at `i`, taken when a street word or keyword precedes it or a postcode follows.
    private static func houseNumber(_ t: EntityBytes, at i: Int, into found: inout Entities) -> Int? {
        guard let parsed = HouseNumberParser.parse(t, at: i) else { return nil }
        var context = HouseNumberParser.context(t, before: i)
        if !context.isHouseNumber, postcodeFollows(t, at: parsed.end) {
            context = HouseNumberParser.streetBeforeAddress(t, numberAt: i)
        }
        guard context.isHouseNumber else { return nil }
        found.houseNumbers.append(HouseNumberMatch(number: parsed.number, street: context.street,
                                                   range: TextRange(start: i, end: parsed.end)))
        return parsed.end
    }

    /// Whether a postcode follows after at most a comma and a little white space.
    private static func postcodeFollows(_ t: EntityBytes, at end: Int) -> Bool {
        var k = end
        if t.at(k) == 0x2C { k += 1 }
        var skipped = 0
        while skipped < 3, t.at(k) == 0x20 || t.at(k) == 0x0A || t.at(k) == 0x0D || t.at(k) == 0x09 {
            k += 1
            skipped += 1
        }
        guard k > end, let postcode = Postcode.parse(t, at: k) else { return false }
        return Postcode.isPlausibleInText(postcode)
    }

    /// A house number written right after a postcode (`2221 AB 12a`); returns its end.
    private static func houseNumberAfterPostcode(_ t: EntityBytes, at end: Int, into found: inout Entities) -> Int? {
        var k = end
        if t.at(k) == 0x2C { k += 1 }
        guard t.at(k) == 0x20 else { return nil }
        k += 1
        guard t.isDigit(at: k), let parsed = HouseNumberParser.parse(t, at: k) else { return nil }
        found.houseNumbers.append(HouseNumberMatch(number: parsed.number, street: nil,
                                                   range: TextRange(start: k, end: parsed.end)))
        return parsed.end
    }

    /// Removes matches that lie inside an e-mail address. All lists are in text order.
    private static func dropOverlaps(with emails: [TextRange], in found: inout Entities) {
        found.postcodes = outside(emails, found.postcodes) { $0.range }
        found.houseNumbers = outside(emails, found.houseNumbers) { $0.range }
        found.phones = outside(emails, found.phones) { $0.range }
        found.bsns = outside(emails, found.bsns) { $0.range }
    }

    private static func outside<Match>(
        _ emails: [TextRange], _ matches: [Match], _ range: (Match) -> TextRange
    ) -> [Match] {
        var e = 0
        return matches.filter { match in
            let r = range(match)
            while e < emails.count, emails[e].end <= r.start { e += 1 }
            return e == emails.count || !emails[e].overlaps(r)
        }
    }
}
