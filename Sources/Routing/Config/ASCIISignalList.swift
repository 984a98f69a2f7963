/// A signal list of plain ASCII without a mistake, parsed straight from its bytes: the common
/// case of a routing.conf (thousands of entries) at a fraction of the cost of the
/// `Character`-based ``SignalParser``. It gives up (nil) at the first thing it does not expect —
/// any byte above 0x7F, an unbalanced quote, an entry that ``SignalParser`` would report — and
/// ``SignalParser`` then parses the whole value, with its diagnostics. For every list it
/// accepts, the signals are those ``SignalParser`` gives.
enum ASCIISignalList {
    /// The signals of `value`, or nil when ``SignalParser`` must parse it.
    static func parse(_ value: IniValue, weighted: Bool) -> [Signal]? {
        var text = value.text
        return text.withUTF8 { bytes -> [Signal]? in
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var signals: [Signal] = []
            var start = 0
            var inQuote = false
            for index in 0...bytes.count {
                if index < bytes.count {
                    if bytes[index] == quote { inQuote.toggle() }
                    if bytes[index] != comma || inQuote { continue }
                }
                guard let signal = entry(bytes, start..<index, value: value, weighted: weighted) else { return nil }
                signals.append(signal)
                start = index + 1
            }
            return inQuote ? nil : signals
        }
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), colon = UInt8(ascii: ":")
    private static let star = UInt8(ascii: "*"), equals = UInt8(ascii: "=")

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// One entry, `range` of the value's bytes (commas excluded).
    private static func entry(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, value: IniValue,
                              weighted: Bool) -> Signal? {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && isSpace(bytes[lo]) { lo += 1 }
        while hi > lo && isSpace(bytes[hi - 1]) { hi -= 1 }
        guard lo < hi else { return nil }
        var colonAt: Int?
        var inQuote = false
        for index in lo..<hi {
            if bytes[index] == quote { inQuote.toggle() } else if bytes[index] == colon && !inQuote { colonAt = index }
        }
        var patternEnd = colonAt ?? hi
        while patternEnd > lo && isSpace(bytes[patternEnd - 1]) { patternEnd -= 1 }
        guard patternEnd > lo,
              let pattern = bytes[lo] == quote ? phrase(bytes, lo, patternEnd) : word(bytes, lo, patternEnd) else { return nil }
        var weight: Double = 1
        if let colonAt {
            guard weighted else { return nil }
            var first = colonAt + 1
            while first < hi && isSpace(bytes[first]) { first += 1 }
            guard let number = self.weight(bytes, first..<hi) else { return nil }
            weight = number
        }
        return Signal(pattern: pattern, weight: weight, text: string(bytes, lo..<patternEnd), location: value.location(at: lo))
    }

    /// A weight as ``SignalParser/weight(_:)`` reads it, not 0 and within ``SignalParser/weightRange``.
    private static func weight(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var index = range.lowerBound
        if index < range.upperBound && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) { index += 1 }
        let integerStart = index
        while index < range.upperBound && (0x30...0x39).contains(bytes[index]) { index += 1 }
        guard index > integerStart else { return nil }
        if index < range.upperBound {
            guard bytes[index] == UInt8(ascii: ".") else { return nil }
            index += 1
            let decimals = index
            while index < range.upperBound && (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index == range.upperBound, (1...3).contains(index - decimals) else { return nil }
        }
        guard let number = Double(string(bytes, range)), number != 0,
              number >= Double(SignalParser.weightRange.lowerBound),
              number <= Double(SignalParser.weightRange.upperBound) else { return nil }
        return number
    }

    /// The letters and digits of a word with at most inner `-` and `'`; nil for anything else.
    private static func letters(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int? {
        var count = 0
        for index in lo..<hi {
            let byte = bytes[index]
            if isLetterOrDigit(byte) {
                count += 1
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") {
                if index == lo || index == hi - 1 { return nil }
            } else {
                return nil
            }
        }
        return count
    }

    /// `"twee woorden"`, the closing quote at `hi - 1`.
    private static func phrase(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> SignalPattern? {
        guard hi - lo >= 2, bytes[hi - 1] == quote else { return nil }
        let close = hi - 1
        var words: [String] = []
        var total = 0
        var index = lo + 1
        while index < close {
            if isSpace(bytes[index]) { index += 1; continue }
            let start = index
            while index < close && !isSpace(bytes[index]) { index += 1 }
            guard let count = letters(bytes, start, index) else { return nil }
            total += count
            words.append(string(bytes, start..<index))
        }
        guard !words.isEmpty, total >= 2 else { return nil }
        return .phrase(words)
    }

    /// `woord`, `=woord`, `woord*`, `*woord`, `*woord*`.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> SignalPattern? {
        let exact = bytes[lo] == equals
        var start = exact ? lo + 1 : lo
        var end = hi
        let headStar = !exact && start < end && bytes[start] == star
        if headStar { start += 1 }
        let tailStar = !exact && end > start && bytes[end - 1] == star
        if tailStar { end -= 1 }
        guard start < end, let count = letters(bytes, start, end), count >= 2 else { return nil }
        let body = string(bytes, start..<end)
        switch (exact, headStar, tailStar) {
        case (true, _, _): return .exact(body)
        case (false, true, true): return .inside(body)
        case (false, true, false): return .tail(body)
        case (false, false, true): return .head(body)
        case (false, false, false): return .word(body)
        }
    }
}
