/// One JSON value of a GeoJSON file, with the line it starts on. Pairs and triples of numbers
/// (positions) are kept without an array of their own, so a ring of a thousand corners costs
/// one allocation.
struct GeoJSONNode: Sendable {
    /// The value.
    enum Value: Sendable {
        case object([(key: String, value: GeoJSONNode)])
        case array([GeoJSONNode])
        /// Two or three numbers: longitude, latitude (and an ignored altitude).
        case position(lon: Double, lat: Double)
        case number(Double)
        case string(String)
        /// `true`, `false` or `null`.
        case literal
    }

    var value: Value
    /// The 1-based line the value starts on.
    var line: Int

    /// The member `key` of an object.
    subscript(key: String) -> GeoJSONNode? {
        if case .object(let members) = value { return members.first { $0.key == key }?.value }
        return nil
    }

    /// The string inside, if this is a string.
    var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// The elements, if this is an array.
    var array: [GeoJSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }
}

/// A strict JSON parser for GeoJSON files, over bytes; a syntax error names its line.
struct GeoJSONParser {
    /// A syntax error and its line.
    struct SyntaxError: Error {
        let message: String
        let line: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    private static let maxDepth = 64

    /// Parses one JSON document.
    static func parse(_ bytes: [UInt8]) -> Result<GeoJSONNode, SyntaxError> {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = GeoJSONParser(bytes: buffer)
            do throws(SyntaxError) {
                let node = try parser.value(depth: 0)
                parser.skipSpace()
                if parser.index < buffer.count { throw parser.error("text after the JSON value") }
                return .success(node)
            } catch {
                return .failure(error)
            }
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(message: message, line: line)
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A: line += 1
            case 0x20, 0x09, 0x0D: break
            default: return
            }
            index += 1
        }
    }

    private mutating func value(depth: Int) throws(SyntaxError) -> GeoJSONNode {
        skipSpace()
        guard index < bytes.count else { throw error("the JSON ends too early") }
        guard depth < Self.maxDepth else { throw error("nested more than \(Self.maxDepth) deep") }
        let start = line
        switch bytes[index] {
        case UInt8(ascii: "{"): return GeoJSONNode(value: try object(depth: depth), line: start)
        case UInt8(ascii: "["): return GeoJSONNode(value: try array(depth: depth), line: start)
        case UInt8(ascii: "\""): return GeoJSONNode(value: .string(try string()), line: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return GeoJSONNode(value: .number(try number()), line: start)
        default:
            for word in ["true", "false", "null"] where matches(word) {
                index += word.utf8.count
                return GeoJSONNode(value: .literal, line: start)
            }
            throw error("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
        }
    }

    private func matches(_ word: String) -> Bool {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count else { return false }
        return (0..<utf8.count).allSatisfy { bytes[index + $0] == utf8[$0] }
    }

    private mutating func object(depth: Int) throws(SyntaxError) -> GeoJSONNode.Value {
        index += 1
        var members: [(key: String, value: GeoJSONNode)] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after \"\(key)\"") }
            index += 1
            members.append((key, try value(depth: depth + 1)))
            skipSpace()
            guard index < bytes.count else { throw error("the JSON ends inside an object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw error("expected ',' or '}' in an object")
        }
    }

    private mutating func array(depth: Int) throws(SyntaxError) -> GeoJSONNode.Value {
        index += 1
        var elements: [GeoJSONNode] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            elements.append(try value(depth: depth + 1))
            skipSpace()
            guard index < bytes.count else { throw error("the JSON ends inside an array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; break }
            throw error("expected ',' or ']' in an array")
        }
        // A position: two or three numbers.
        if elements.count == 2 || elements.count == 3,
           case .number(let lon) = elements[0].value, case .number(let lat) = elements[1].value {
            if elements.count == 2 { return .position(lon: lon, lat: lat) }
            if case .number = elements[2].value { return .position(lon: lon, lat: lat) }
        }
        return .array(elements)
    }

    private mutating func string() throws(SyntaxError) -> String {
        index += 1
        let start = index
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return escaped ? Self.unescaped(raw) : raw
            }
            if byte == 0x0A || byte < 0x20 { throw error("a line break or control character inside a string") }
            if byte == UInt8(ascii: "\\") { escaped = true; index += 1 }
            index += 1
        }
        throw error("a string that is never closed")
    }

    /// Simple escapes resolved; `\u` escapes kept as written (names only, never coordinates).
    private static func unescaped(_ raw: String) -> String {
        var result = ""
        var iterator = raw.makeIterator()
        while let character = iterator.next() {
            guard character == "\\", let next = iterator.next() else { result.append(character); continue }
            switch next {
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "u": result.append("\\u")
            default: result.append(next)
            }
        }
        return result
    }

    /// A JSON number: digits read into an integer and scaled once, exact for up to 15
    /// significant digits (coordinates have at most that many); longer ones through the
    /// standard library.
    private mutating func number() throws(SyntaxError) -> Double {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var mantissa: Int64 = 0
        var digits = 0
        var scale = 0
        var sawDigit = false
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            mantissa = mantissa &* 10 &+ Int64(bytes[index] - 0x30)
            digits += mantissa == 0 ? 0 : 1
            sawDigit = true
            index += 1
        }
        guard sawDigit else { throw error("a number without digits") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var fraction = false
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                mantissa = mantissa &* 10 &+ Int64(bytes[index] - 0x30)
                digits += mantissa == 0 ? 0 : 1
                scale += 1
                fraction = true
                index += 1
            }
            guard fraction else { throw error("a number with no digits after '.'") }
        }
        var exponent = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            exponent = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            var exponentDigits = false
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1; exponentDigits = true }
            guard exponentDigits else { throw error("a number with no digits in its exponent") }
        }
        if !exponent && digits <= 15 && scale <= 22 {
            let value = Double(mantissa) / Self.powersOfTen[scale]
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text) else { throw error("a number out of range: \(text)") }
        return value
    }

    private static let powersOfTen: [Double] = (0...22).map { power in
        (0..<power).reduce(1.0) { value, _ in value * 10 }
    }
}
