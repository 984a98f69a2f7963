import Foundation

/// Numbers: integers, positions, scores and weights, and `Double`s as `JSONEncoder` writes them.
extension JSONWriter {
    /// Writes an integer value.
    @inlinable
    public mutating func integer(_ value: Int) {
        separate()
        reserve(20)  // "-9223372036854775808"
        if value < 0 { put(UInt8(ascii: "-")) }
        appendDigits(value)
        needsComma = true
    }

    /// Appends the decimal digits of `value`, which is not negative, with no comma before them:
    /// a number inside a run of JSON made earlier (such as a position after its key).
    @inlinable
    public mutating func digits(_ value: Int) {
        reserve(20)
        appendDigits(value)
        needsComma = false
    }

    /// Puts the decimal digits of `value`'s magnitude; the caller has reserved 20 bytes.
    @inlinable
    mutating func appendDigits(_ value: Int) {
        var magnitude = value.magnitude
        // Most numbers written are small (positions in short texts, line numbers of short inputs).
        if magnitude < 10 {
            put(UInt8(truncatingIfNeeded: 0x30 + magnitude))
            return
        }
        if magnitude < 100 {
            put(UInt8(truncatingIfNeeded: 0x30 + magnitude / 10))
            put(UInt8(truncatingIfNeeded: 0x30 + magnitude % 10))
            return
        }
        if magnitude < 1000 {
            put(UInt8(truncatingIfNeeded: 0x30 + magnitude / 100))
            put(UInt8(truncatingIfNeeded: 0x30 + magnitude / 10 % 10))
            put(UInt8(truncatingIfNeeded: 0x30 + magnitude % 10))
            return
        }
        let start = count
        repeat {
            put(UInt8(truncatingIfNeeded: 0x30 + magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        var digits = UnsafeMutableBufferPointer(start: base + start, count: count - start)
        digits.reverse()
    }

    /// Writes a number compactly, for scores and weights: rounded to at most three decimals,
    /// without trailing zeros, and without `.0` when whole (`3`, `2.35`, `-0.5`); never in
    /// exponent notation and never `-0`. With `pointZero` a whole value keeps one zero decimal
    /// (`1.0`, `0.0`), as Swift's `description` writes it, for fractions by nature such as a
    /// confidence. Non-finite values, which JSON cannot hold, are written as `null`.
    public mutating func decimal(_ value: Double, pointZero: Bool = false) {
        guard value.isFinite else { return null() }
        separate()
        var thousandths = value * 1000
        // Most values are whole thousandths already: no call to round them.
        if !(abs(thousandths) < 1e15 && thousandths == Double(Int64(thousandths))) {
            thousandths = thousandths.rounded(.toNearestOrAwayFromZero)
        }
        if abs(thousandths) < 1e18 {
            let scaled = Int(thousandths)
            reserve(26)  // sign, 15 digits, point, three decimals
            if scaled < 0 { put(UInt8(ascii: "-")) }
            appendDigits(Int(scaled.magnitude / 1000))
            var fraction = Int(scaled.magnitude % 1000)
            if fraction != 0 {
                put(UInt8(ascii: "."))
                var digits = 3
                while fraction % 10 == 0 {
                    fraction /= 10
                    digits -= 1
                }
                var divisor = digits == 3 ? 100 : digits == 2 ? 10 : 1
                while divisor > 0 {
                    put(UInt8(truncatingIfNeeded: 0x30 + fraction / divisor % 10))
                    divisor /= 10
                }
            } else if pointZero {
                put(UInt8(ascii: "."))
                put(UInt8(ascii: "0"))
            }
        } else {
            // Beyond 10^15 a double holds no decimals: its whole digits, written out.
            var text = String(format: "%.0f", value.rounded())
            text.withUTF8 { append($0) }
            if pointZero { appendLiteral(".0") }
        }
        needsComma = true
    }

    /// Writes a number as `JSONEncoder` writes a `Double` (`1`, `0.5`, `-0`, `1e+16`); non-finite
    /// ones, which JSON cannot hold, as `null`.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        separate()
        var text = value.description
        text.withUTF8 { utf8 in
            // Integral values lose their ".0"; `description` is ASCII, so the bytes tell.
            let end = utf8.count
            let integral = end >= 2 && utf8[end - 2] == UInt8(ascii: ".") && utf8[end - 1] == UInt8(ascii: "0")
            append(UnsafeBufferPointer(rebasing: utf8[..<(integral ? end - 2 : end)]))
        }
        needsComma = true
    }
}
