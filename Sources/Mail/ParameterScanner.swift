/// Reads a structured header value (`type/subtype; name=value; …`) byte by byte.
struct ParameterScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private var atEnd: Bool { index >= bytes.count }

    /// Skips white space and comments (nested, escapes honoured).
    private mutating func skipBlanksAndComments() {
        while !atEnd {
            if Bytes.isSpace(bytes[index]) {
                index += 1
            } else if bytes[index] == 0x28 {
                skipComment()
            } else {
                return
            }
        }
    }

    private mutating func skipComment() {
        var depth = 0
        while !atEnd {
            let byte = bytes[index]
            index += 1
            if byte == 0x5C { index += 1; continue }
            if byte == 0x28 { depth += 1 }
            if byte == 0x29 { depth -= 1; if depth == 0 { return } }
        }
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        !(Bytes.isSpace(byte) || byte == 0x3B || byte == 0x28 || byte == 0x22 || byte == 0x3D || byte == 0x2F)
    }

    private mutating func token() -> String {
        let start = index
        while !atEnd && Self.isTokenByte(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// The value before the parameters: `type/subtype` (blanks around the slash allowed),
    /// a disposition type, or a quoted string.
    mutating func leadingValue() -> String {
        skipBlanksAndComments()
        if !atEnd && bytes[index] == 0x22 { return quotedString() }
        var value = token()
        let afterFirst = index
        skipBlanksAndComments()
        if !atEnd && bytes[index] == 0x2F {
            index += 1
            skipBlanksAndComments()
            value += "/" + token()
        } else {
            index = afterFirst
        }
        return value
    }

    /// The next `name=value` pair, or nil at the end.
    mutating func nextParameter() -> (name: String, value: String)? {
        while true {
            while !atEnd && (bytes[index] == 0x3B || Bytes.isSpace(bytes[index]) || bytes[index] == 0x2F) {
                index += 1
            }
            skipBlanksAndComments()
            guard !atEnd else { return nil }
            if bytes[index] == 0x22 { _ = quotedString(); continue }
            let name = token().asciiLowercased()
            var probe = index
            while probe < bytes.count && Bytes.isBlank(bytes[probe]) { probe += 1 }
            guard probe < bytes.count, bytes[probe] == 0x3D else {
                if name.isEmpty && !atEnd && bytes[index] != 0x3B { index += 1 }
                continue
            }
            index = probe + 1
            while !atEnd && Bytes.isSpace(bytes[index]) { index += 1 }
            let value: String
            if !atEnd && bytes[index] == 0x22 {
                value = quotedString()
                while !atEnd && bytes[index] != 0x3B && !Bytes.isSpace(bytes[index]) { index += 1 }
            } else {
                value = unquotedValue()
            }
            if name.isEmpty { continue }
            return (name, value)
        }
    }

    /// A quoted string without its quotes; `\"` and `\\` are unescaped, other backslashes
    /// kept (Windows paths in file names). An unclosed quote runs to the end.
    private mutating func quotedString() -> String {
        index += 1
        var output: [UInt8] = []
        while !atEnd {
            let byte = bytes[index]
            if byte == 0x22 { index += 1; break }
            if byte == 0x5C, index + 1 < bytes.count, bytes[index + 1] == 0x22 || bytes[index + 1] == 0x5C {
                output.append(bytes[index + 1])
                index += 2
                continue
            }
            if byte != 0x0D && byte != 0x0A { output.append(byte) }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// An unquoted value: up to `;`, but ending before white space that is followed by another
    /// `name=` (a missing semicolon) or by a trailing comment.
    private mutating func unquotedValue() -> String {
        let start = index
        var end = start
        while end < bytes.count && bytes[end] != 0x3B {
            if Bytes.isSpace(bytes[end]) {
                var next = end
                while next < bytes.count && Bytes.isSpace(bytes[next]) { next += 1 }
                if startsParameter(at: next) || startsTrailingComment(at: next) {
                    index = next
                    return String(decoding: bytes[start..<end], as: UTF8.self)
                }
                end = next
                continue
            }
            end += 1
        }
        index = end
        var trimmed = end
        while trimmed > start && Bytes.isSpace(bytes[trimmed - 1]) { trimmed -= 1 }
        return String(decoding: bytes[start..<trimmed], as: UTF8.self)
    }

    /// Whether a `name=` starts at `position`.
    private func startsParameter(at position: Int) -> Bool {
        var probe = position
        while probe < bytes.count {
            let byte = bytes[probe]
            let isNameByte = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2A || byte == 0x2D || byte == 0x5F
                || byte == 0x2E
            if !isNameByte { break }
            probe += 1
        }
        guard probe > position else { return false }
        while probe < bytes.count && Bytes.isBlank(bytes[probe]) { probe += 1 }
        return probe < bytes.count && bytes[probe] == 0x3D
    }

    /// Whether a comment starting at `position` is followed only by blanks, `;` or the end.
    private func startsTrailingComment(at position: Int) -> Bool {
        guard position < bytes.count, bytes[position] == 0x28 else { return false }
        let windowEnd = min(bytes.count, position + 512)
        var copy = ParameterScanner(Array(bytes[position..<windowEnd]))
        copy.skipComment()
        while !copy.atEnd && Bytes.isSpace(copy.bytes[copy.index]) { copy.index += 1 }
        if copy.atEnd { return windowEnd == bytes.count }
        return copy.bytes[copy.index] == 0x3B
    }
}
