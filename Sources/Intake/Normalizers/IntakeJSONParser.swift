import Messages

extension IntakeJSON {
    /// The deepest nesting of arrays and objects accepted.
    static let maxDepth = 64

    /// Parses `bytes` as one JSON value (RFC 8259), strictly.
    ///
    /// Unlike `JSONSerialization` it rejects duplicate keys and nesting deeper than
    /// ``maxDepth`` levels, reports the byte offset of any error, keeps key order and
    /// repairs invalid UTF-8 inside strings with U+FFFD. A leading UTF-8 BOM is skipped.
    static func parse(_ bytes: [UInt8]) throws(NormalizeError) -> Node {
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<Node, NormalizeError> in
            var parser = Parser(bytes: buffer)
            do throws(NormalizeError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// A recursive-descent parser; recursion is bounded by ``maxDepth``.
    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { position = 3 }
        }

        mutating func parseDocument() throws(NormalizeError) -> Node {
            skipWhitespace()
            guard position < bytes.count else { throw fail("empty input") }
            let value = try parseValue()
            skipWhitespace()
            guard position == bytes.count else { throw fail("unexpected data after the JSON value") }
            return value
        }

        func fail(_ reason: String, at offset: Int? = nil) -> NormalizeError {
            .invalidJSON(offset: offset ?? position, reason: reason)
        }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func parseValue() throws(NormalizeError) -> Node {
            guard position < bytes.count else { throw fail("unexpected end of input") }
            switch bytes[position] {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
            default: throw fail("unexpected character \(describe(bytes[position]))")
            }
        }

        func describe(_ byte: UInt8) -> String {
            (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "0x" + String(byte, radix: 16)
        }

        mutating func enter() throws(NormalizeError) {
            depth += 1
            if depth > IntakeJSON.maxDepth {
                throw .nestingTooDeep(offset: position, limit: IntakeJSON.maxDepth)
            }
        }

        mutating func parseObject() throws(NormalizeError) -> Node {
            try enter()
            position += 1
            var object = Object()
            var seen = Set<String>()  // filled only for large objects; small ones are searched
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                depth -= 1
                return .object(object)
            }
            while true {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    throw fail("expected a string key")
                }
                let keyOffset = position
                let key = try parseString()
                guard Self.isNew(key, in: object.members, seen: &seen) else { throw .duplicateKey(key, offset: keyOffset) }
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                    throw fail("expected ':' after key")
                }
                position += 1
                skipWhitespace()
                object.members.append((key, try parseValue()))
                skipWhitespace()
                guard position < bytes.count else { throw fail("unterminated object") }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                if bytes[position] == UInt8(ascii: "}") { position += 1; break }
                throw fail("expected ',' or '}'")
            }
            depth -= 1
            return .object(object)
        }

        /// Whether `key` is not among `members`; a set takes over from searching at 16 members.
        static func isNew(_ key: String, in members: [(key: String, value: Node)], seen: inout Set<String>) -> Bool {
            if members.count < 16 { return !members.contains { $0.key == key } }
            if seen.isEmpty { seen = Set(members.lazy.map(\.key)) }
            return seen.insert(key).inserted
        }

        mutating func parseArray() throws(NormalizeError) -> Node {
            try enter()
            position += 1
            var values: [Node] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                depth -= 1
                return .array(values)
            }
            while true {
                skipWhitespace()
                values.append(try parseValue())
                skipWhitespace()
                guard position < bytes.count else { throw fail("unterminated array") }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                if bytes[position] == UInt8(ascii: "]") { position += 1; break }
                throw fail("expected ',' or ']'")
            }
            depth -= 1
            return .array(values)
        }

        mutating func expectLiteral(_ literal: String) throws(NormalizeError) {
            let count = literal.utf8.count
            guard position + count <= bytes.count,
                  bytes[position..<(position + count)].elementsEqual(literal.utf8)
            else { throw fail("invalid literal") }
            position += count
        }

        mutating func parseNumber() throws(NormalizeError) -> Node {
            let start = position
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw fail("invalid number", at: start) }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
                if position < bytes.count, isDigit(bytes[position]) { throw fail("leading zero in number", at: start) }
            } else {
                skipDigits()
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard position < bytes.count, isDigit(bytes[position]) else { throw fail("invalid number", at: start) }
                skipDigits()
            }
            if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                    position += 1
                }
                guard position < bytes.count, isDigit(bytes[position]) else { throw fail("invalid number", at: start) }
                skipDigits()
            }
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        mutating func skipDigits() {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }

        /// Parses a string starting at the opening quote.
        mutating func parseString() throws(NormalizeError) -> String {
            let start = position
            position += 1
            let runStart = position
            // Most strings have no escape: then they are decoded in place.
            position = JSONBytes.firstSpecial(in: bytes, from: position)
            if position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<(position - 1)]), as: UTF8.self)
            }
            return try parseEscapedString(start: start, runStart: runStart)
        }

        /// The rest of a string from its first escape or control character at `position`.
        mutating func parseEscapedString(start: Int, runStart: Int) throws(NormalizeError) -> String {
            var buffer: [UInt8] = []
            var runStart = runStart
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    buffer.append(contentsOf: bytes[runStart..<position])
                    position += 1
                    return String(decoding: buffer, as: UTF8.self)
                }
                if byte < 0x20 { throw fail("unescaped control character in string") }
                if byte == UInt8(ascii: "\\") {
                    buffer.append(contentsOf: bytes[runStart..<position])
                    try parseEscape(into: &buffer)
                    runStart = position
                } else {
                    position += 1
                }
            }
            throw fail("unterminated string", at: start)
        }

        /// Parses one escape sequence starting at the backslash.
        mutating func parseEscape(into buffer: inout [UInt8]) throws(NormalizeError) {
            let start = position
            position += 1
            guard position < bytes.count else { throw fail("unterminated string", at: start) }
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4(escapeStart: start)
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                       bytes[position + 1] == UInt8(ascii: "u") {
                        let save = position
                        position += 2
                        let low = try parseHex4(escapeStart: save)
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            position = save
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                buffer.append(contentsOf: Array(String(character).utf8))
            default:
                throw fail("invalid escape sequence", at: start)
            }
        }

        mutating func parseHex4(escapeStart: Int) throws(NormalizeError) -> UInt32 {
            guard position + 4 <= bytes.count else { throw fail("invalid \\u escape", at: escapeStart) }
            var value: UInt32 = 0
            for byte in bytes[position..<(position + 4)] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw fail("invalid \\u escape", at: escapeStart)
                }
                value = value << 4 | UInt32(digit)
            }
            position += 4
            return value
        }
    }
}
