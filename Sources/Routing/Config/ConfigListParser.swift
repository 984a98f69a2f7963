/// Checks comma-list values (postcodes, names) and listen addresses, item by item.
enum ConfigListParser {
    /// One item of a comma list: its text (trimmed, enclosing quotes removed) and offsets.
    struct Item {
        var text: String
        /// Offset of the item's first character in the value.
        var offset: Int
        /// Offset of the comma next to the item, for reporting an empty item.
        var comma: Int
    }

    /// Splits a value at commas outside double quotes.
    static func items(_ value: IniValue) -> [Item] {
        let chars = value.characters
        var result: [Item] = []
        var start = 0
        var inQuote = false
        var lastComma = 0
        func add(_ end: Int, comma: Int) {
            var lo = start, hi = end
            while lo < hi && chars[lo].isWhitespace { lo += 1 }
            while hi > lo && chars[hi - 1].isWhitespace { hi -= 1 }
            result.append(Item(text: ConfigValueParser.unquoted(String(chars[lo..<hi])), offset: lo, comma: comma))
        }
        for i in chars.indices {
            if chars[i] == "\"" {
                inQuote.toggle()
            } else if chars[i] == "," && !inQuote {
                add(i, comma: i)
                lastComma = i
                start = i + 1
            }
        }
        add(chars.count, comma: lastComma)
        return result
    }

    /// `places = Rijnsburg, "Alphen aan den Rijn"` and the field-alias keys.
    static func names(_ value: IniValue, key: String) -> ConfigValueParser.Outcome {
        var names: [String] = []
        var diagnostics: [Diagnostic] = []
        for item in items(value) {
            if item.text.isEmpty {
                diagnostics.append(.error("empty name in '\(key)' (a stray ',')", at: value.location(at: item.comma)))
            } else {
                names.append(item.text)
            }
        }
        return (.names(names), diagnostics)
    }

    /// `postcodes = 2221-2225, 2231`.
    static func postcodes(_ value: IniValue, key: String) -> ConfigValueParser.Outcome {
        var ranges: [ClosedRange<Int>] = []
        var diagnostics: [Diagnostic] = []
        for item in items(value) {
            let at = value.location(at: item.offset)
            if item.text.isEmpty {
                diagnostics.append(.error("empty postcode entry in '\(key)' (a stray ',')",
                                          at: value.location(at: item.comma)))
                continue
            }
            let parts = item.text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            var numbers: [Int] = []
            var problem: Diagnostic?
            var partOffset = item.offset
            for part in parts {
                let leading = part.prefix { $0.isWhitespace }.count
                let digits = part.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
                let digitText = String(digits)
                let partAt = value.location(at: partOffset + leading)
                partOffset += part.count + 1
                if digitText.isEmpty {
                    problem = .error("incomplete postcode range '\(item.text)'", at: at)
                    break
                }
                guard digitText.count == 4, digitText.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digitText) else {
                    problem = .error("postcode '\(digitText)' must be 4 digits (1000 to 9999, without the letters)", at: partAt)
                    break
                }
                guard number >= 1000 else {
                    problem = .error("postcode \(digitText) is below 1000", at: partAt)
                    break
                }
                numbers.append(number)
            }
            if let problem {
                diagnostics.append(problem)
            } else if numbers.count == 2 && numbers[0] > numbers[1] {
                diagnostics.append(.error("postcode range \(item.text) runs backwards (low > high): "
                                          + "write \(numbers[1])-\(numbers[0])", at: at))
            } else {
                ranges.append(numbers[0]...numbers[numbers.count - 1])
            }
        }
        return (.ranges(ranges), diagnostics)
    }

    /// `listen = 127.0.0.1:8025, [::1]:8025`: one or more `HOST:PORT` addresses.
    static func hostPorts(_ value: IniValue, key: String) -> ConfigValueParser.Outcome {
        var addresses: [String] = []
        var diagnostics: [Diagnostic] = []
        for item in items(value) {
            if item.text.isEmpty {
                diagnostics.append(.error("empty address in '\(key)' (a stray ',')", at: value.location(at: item.comma)))
            } else if let problem = hostPortProblem(item.text, key: key, at: { value.location(at: item.offset + $0) }) {
                diagnostics.append(problem)
            } else {
                addresses.append(item.text)
            }
        }
        return (.names(addresses), diagnostics)
    }

    /// What is wrong with one `HOST:PORT`; `at` gives the location of an offset into it.
    private static func hostPortProblem(_ text: String, key: String, at: (Int) -> SourceLocation) -> Diagnostic? {
        let usage = "'\(key)' must be HOST:PORT (such as 127.0.0.1:8025 or [::1]:8025), not '\(text)'"
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                return .error(usage, at: at(0))
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
            guard host.contains(":"), host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." || $0 == "%" }) else {
                return .error("'\(host)' in '\(key)' is not an IPv6 address", at: at(1))
            }
        } else {
            guard let colon = text.lastIndex(of: ":") else { return .error(usage, at: at(0)) }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            if host.contains(":") {
                return .error("put an IPv6 address in brackets: '[\(host)]:\(portText)'", at: at(0))
            }
            guard !host.isEmpty, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) else {
                return .error(usage, at: at(0))
            }
        }
        guard !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }), portText.count <= 5,
              let port = Int(portText), (1...65535).contains(port) else {
            return .error("port '\(portText)' in '\(key)' must be a number from 1 to 65535",
                          at: at(text.distance(from: text.startIndex, to: portText.startIndex)))
        }
        return nil
    }
}
