/// A checked value of one key, converted to its kind.
enum ConfigValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case number(Double)
    case signals([Signal])
    case ranges([ClosedRange<Int>])
    case names([String])
}

/// Checks and converts values by their ``ConfigValueKind``; every problem becomes a diagnostic
/// at the column of the offending value or list item.
enum ConfigValueParser {
    typealias Outcome = (value: ConfigValue?, diagnostics: [Diagnostic])

    static func parse(_ entry: IniEntry, as kind: ConfigValueKind) -> Outcome {
        let value = entry.value
        let key = entry.key
        if case .signals(let weighted) = kind {
            if value.isEmpty { return (nil, [.error("missing value for '\(key)'", at: value.location)]) }
            let (signals, diagnostics) = SignalParser.parse(value, weighted: weighted)
            return (.signals(signals), diagnostics)
        }
        // The lexer has reported the quote; checking the rest would only add noise.
        if entry.hasUnbalancedQuote { return (nil, []) }
        if value.isEmpty && kind != .text { return (nil, [.error("missing value for '\(key)'", at: value.location)]) }
        let at = value.location
        func fail(_ message: String) -> Outcome { (nil, [.error(message, at: at)]) }
        let text = unquoted(value.text)
        switch kind {
        case .path, .teamName, .text:
            if let bad = text.first(where: { $0 != "\t" && $0.isASCII && $0.asciiValue! < 0x20 }) {
                return fail("'\(key)' contains a control character (\(bad.asciiValue!))")
            }
            return (.text(text), [])
        case .integer(let range):
            guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }),
                  text.contains(where: \.isNumber), !text.dropFirst().contains(where: { $0 == "-" || $0 == "+" }) else {
                return fail("'\(key)' must be a whole number, not '\(text)'")
            }
            guard let number = Int(text), range.contains(number) else {
                return fail("'\(key)' must be \(describe(range)), not \(text)")
            }
            return (.integer(number), [])
        case .size(let range):
            guard let bytes = size(text) else {
                return fail("'\(key)' must be a size such as 64K or 25M, not '\(text)'")
            }
            guard range.contains(bytes) else {
                return fail("'\(key)' must be from \(sizeText(range.lowerBound)) to \(sizeText(range.upperBound)), not \(text)")
            }
            return (.integer(bytes), [])
        case .number(let range):
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  text.contains(where: \.isNumber), let number = Double(text) else {
                return fail("'\(key)' must be a number such as 0.5, not '\(text)'")
            }
            guard range.contains(number) else {
                return fail("'\(key)' must be from \(shortNumber(range.lowerBound)) to \(shortNumber(range.upperBound)), not \(text)")
            }
            return (.number(number), [])
        case .duration(let range):
            guard let seconds = duration(text) else {
                return fail("'\(key)' must be a duration such as 500ms, 30s, 5m, 48h or 2d, not '\(text)'")
            }
            guard range.contains(seconds) else {
                return fail("'\(key)' must be from \(durationText(range.lowerBound)) to \(durationText(range.upperBound)), not \(text)")
            }
            return (.number(seconds), [])
        case .url:
            return isURL(text) ? (.text(text), []) : fail("'\(key)' must be an http:// or https:// URL, not '\(text)'")
        case .choice(let choices, let noun):
            if choices.contains(text) { return (.text(text), []) }
            let hint = Suggestions.closest(to: text, among: choices).map { "did you mean '\($0)'?" }
                ?? "expected " + listText(choices)
            return fail("unknown \(noun) '\(text)' (\(hint))")
        case .hostPort:
            return ConfigListParser.hostPorts(value, key: key)
        case .postcodeRanges:
            return ConfigListParser.postcodes(value, key: key)
        case .names:
            return ConfigListParser.names(value, key: key)
        case .signals:
            return (nil, [])
        }
    }

    /// The text without one pair of enclosing double quotes.
    static func unquoted(_ text: String) -> String {
        if text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// `a, b or c`.
    static func listText(_ words: [String]) -> String {
        words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        if range.upperBound == Int.max { return "at least \(range.lowerBound)" }
        return "from \(range.lowerBound) to \(range.upperBound)"
    }

    private static func shortNumber(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }

    /// Bytes, or a number with a K/KiB, M/MiB or G/GiB suffix (powers of 1024).
    static func size(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        let unit = String(text.dropFirst(digits.count).drop(while: \.isWhitespace)).lowercased()
        let factors: [String: Int] = ["": 1, "b": 1, "k": 1 << 10, "kib": 1 << 10, "m": 1 << 20, "mib": 1 << 20,
                                      "g": 1 << 30, "gib": 1 << 30]
        guard let factor = factors[unit] else { return nil }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: factor)
        return overflow ? Int.max : bytes
    }

    /// Seconds from a number with an optional unit `ms`, `s`, `m`, `h` or `d` (seconds without).
    static func duration(_ text: String) -> Double? {
        let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard number.contains(where: \.isNumber), number.filter({ $0 == "." }).count <= 1, !number.hasSuffix("."),
              let value = Double(number) else { return nil }
        let unit = String(text.dropFirst(number.count).drop(while: \.isWhitespace)).lowercased()
        let factors: [String: Double] = ["": 1, "ms": 0.001, "s": 1, "m": 60, "min": 60, "h": 3600, "d": 86400]
        return factors[unit].map { value * $0 }
    }

    static func durationText(_ seconds: Double) -> String {
        for (unit, factor) in [("d", 86400.0), ("h", 3600), ("m", 60), ("s", 1)]
        where seconds >= factor && (seconds / factor).rounded() == seconds / factor {
            return "\(Int(seconds / factor))\(unit)"
        }
        return "\(Int((seconds * 1000).rounded()))ms"
    }

    static func sizeText(_ bytes: Int) -> String {
        if bytes % (1 << 20) == 0 { return "\(bytes >> 20)M" }
        if bytes % (1 << 10) == 0 { return "\(bytes >> 10)K" }
        return "\(bytes)"
    }

    private static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard let scheme = ["http://", "https://"].first(where: { lower.hasPrefix($0) }) else { return false }
        let rest = text.dropFirst(scheme.count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty && !host.hasPrefix(":") && !text.contains(where: { $0.isWhitespace || $0 == "\"" })
    }
}
