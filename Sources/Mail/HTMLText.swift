/// Plain text from HTML mail bodies, the way a mail reader's "view as text" does it.
///
/// `script`, `style`, `title`, `template` and comments are dropped; block elements (`p`,
/// `div`, `br`, `li`, `tr`, `h1`–`h6`, `table`, …) become line breaks; table cells are
/// separated by a space; white space collapses except inside `pre`; character references
/// (numeric and the common named ones) are decoded and no-break spaces become spaces.
public enum HTMLText {
    /// The text content of `html`.
    public static func plainText(fromHTML html: String) -> String {
        var converter = HTMLConverter(Array(html.utf8))
        return converter.run()
    }

    /// The charset a `<meta>` tag declares in the first 4 KiB, when it is one ``Charsets`` knows.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map(Bytes.lower)
        let key = Array("charset".utf8)
        var index = 0
        while index + key.count < head.count {
            guard Bytes.hasPrefix(head, at: index, end: head.count, key) else {
                index += 1
                continue
            }
            var probe = index + key.count
            while probe < head.count && Bytes.isSpace(head[probe]) { probe += 1 }
            guard probe < head.count, head[probe] == 0x3D else { index += 1; continue }
            probe += 1
            while probe < head.count && (Bytes.isSpace(head[probe]) || head[probe] == 0x22 || head[probe] == 0x27) {
                probe += 1
            }
            let start = probe
            while probe < head.count, head[probe] > 0x20, ![0x22, 0x27, 0x3B, 0x3E, 0x2F].contains(head[probe]) {
                probe += 1
            }
            let name = String(decoding: head[start..<probe], as: UTF8.self)
            return Charsets.isKnown(name) ? name : nil
        }
        return nil
    }
}

/// The converter's state: input position, output and pending white space.
struct HTMLConverter {
    private let input: [UInt8]
    private var index = 0
    private var output: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreaks = 0
    private var preDepth = 0

    init(_ input: [UInt8]) { self.input = input }

    static let droppedElements: Set<String> = ["script", "style", "title", "template", "xml"]
    static let paragraphElements: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote",
                                                 "ul", "ol", "dl", "pre", "hr"]
    static let lineElements: Set<String> = [
        "div", "li", "tr", "dt", "dd", "address", "article", "aside", "center", "caption",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "main", "nav", "section",
        "thead", "tbody", "tfoot", "body", "html", "option", "legend", "details", "summary",
    ]

    mutating func run() -> String {
        while index < input.count {
            let byte = input[index]
            if byte == 0x3C {
                handleMarkup()
            } else if byte == 0x26 {
                handleReference()
            } else if byte == 0xC2 && index + 1 < input.count && input[index + 1] == 0xA0 {
                whitespace(0x20)
                index += 2
            } else {
                if Bytes.isSpace(byte) { whitespace(byte) } else { emit(byte) }
                index += 1
            }
        }
        while let last = output.last, Bytes.isSpace(last) { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: output

    private mutating func emit(_ byte: UInt8) {
        if !output.isEmpty {
            if pendingBreaks > 0 {
                while output.last == 0x20 { output.removeLast() }
                let existing = output.reversed().prefix { $0 == 0x0A }.count
                for _ in existing..<max(existing, min(pendingBreaks, 2)) { output.append(0x0A) }
            } else if pendingSpace && output.last != 0x0A && output.last != 0x20 {
                output.append(0x20)
            }
        }
        pendingBreaks = 0
        pendingSpace = false
        output.append(byte)
    }

    private mutating func emit(_ text: String) {
        for byte in text.utf8 { emit(byte) }
    }

    private mutating func whitespace(_ byte: UInt8) {
        if preDepth > 0 {
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && index + 1 < input.count && input[index + 1] == 0x0A { return }
                if !output.isEmpty { output.append(0x0A) }
                pendingSpace = false
            } else {
                if !output.isEmpty && pendingBreaks == 0 { output.append(0x20) }
            }
            return
        }
        pendingSpace = true
    }

    private mutating func requestBreaks(_ count: Int) {
        pendingBreaks = max(pendingBreaks, count)
    }

    // MARK: markup

    private func find(_ needle: [UInt8], from start: Int, ignoringCase: Bool) -> Int? {
        var position = start
        while position + needle.count <= input.count {
            if Bytes.hasPrefix(input, at: position, end: input.count, needle, ignoringCase: ignoringCase) {
                return position
            }
            position += 1
        }
        return nil
    }

    private mutating func handleMarkup() {
        let next = index + 1 < input.count ? input[index + 1] : 0
        if next == 0x21 {
            if Bytes.hasPrefix(input, at: index, end: input.count, Array("<!--".utf8)) {
                let close = find(Array("-->".utf8), from: index + 4, ignoringCase: false)
                index = close.map { $0 + 3 } ?? input.count
            } else {
                index = (input[index...].firstIndex(of: 0x3E) ?? input.count - 1) + 1
            }
            return
        }
        if next == 0x3F {
            index = (input[index...].firstIndex(of: 0x3E) ?? input.count - 1) + 1
            return
        }
        let closing = next == 0x2F
        var position = index + (closing ? 2 : 1)
        let nameStart = position
        while position < input.count, isNameByte(input[position]) { position += 1 }
        guard position > nameStart, isLetter(input[nameStart]) else {
            emit(0x3C)
            index += 1
            return
        }
        let name = String(decoding: input[nameStart..<position].map(Bytes.lower), as: UTF8.self)
        while position < input.count && input[position] != 0x3E {
            let byte = input[position]
            if byte == 0x22 || byte == 0x27 {
                position = input[(position + 1)...].firstIndex(of: byte) ?? input.count
            }
            position += 1
        }
        index = min(position + 1, input.count)
        applyTag(name, closing: closing)
    }

    private mutating func applyTag(_ name: String, closing: Bool) {
        if !closing && Self.droppedElements.contains(name) {
            let close = find(Array("</\(name)".utf8), from: index, ignoringCase: true)
            if let close {
                index = (input[close...].firstIndex(of: 0x3E) ?? input.count - 1) + 1
            } else {
                index = input.count
            }
            return
        }
        switch name {
        case "br":
            pendingBreaks += 1
            if output.isEmpty { pendingBreaks = 0 }
        case "td", "th":
            pendingSpace = true
        case "pre":
            preDepth = max(0, preDepth + (closing ? -1 : 1))
            requestBreaks(2)
        default:
            if Self.paragraphElements.contains(name) {
                requestBreaks(2)
            } else if Self.lineElements.contains(name) {
                requestBreaks(1)
            }
        }
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x3A || byte == 0x5F
    }

    // MARK: character references

    private mutating func handleReference() {
        var position = index + 1
        if position < input.count && input[position] == 0x23 {
            position += 1
            var hex = false
            if position < input.count && (input[position] == 0x78 || input[position] == 0x58) {
                hex = true
                position += 1
            }
            let digitsStart = position
            var value: UInt32 = 0
            while position < input.count, position - digitsStart < 8 {
                let byte = input[position]
                guard let digit = hex ? Bytes.hexValue(byte) : (byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : nil) else {
                    break
                }
                value = value * (hex ? 16 : 10) + UInt32(digit)
                position += 1
            }
            guard position > digitsStart else { emit(0x26); index += 1; return }
            if position < input.count && input[position] == 0x3B { position += 1 }
            index = position
            emitReference(HTMLEntities.numeric(value))
            return
        }
        let nameStart = position
        while position < input.count, position - nameStart < 32, isNameByte(input[position]) { position += 1 }
        let name = String(decoding: input[nameStart..<position], as: UTF8.self)
        if position < input.count && input[position] == 0x3B, let text = HTMLEntities.named(name) {
            index = position + 1
            emitReference(text)
        } else if HTMLEntities.legacyWithoutSemicolon.contains(name), let text = HTMLEntities.named(name) {
            index = position
            emitReference(text)
        } else {
            emit(0x26)
            index += 1
        }
    }

    private mutating func emitReference(_ text: String) {
        for scalar in text.unicodeScalars {
            if scalar == "\u{A0}" || scalar == " " || scalar == "\u{2002}" || scalar == "\u{2003}" || scalar == "\u{2009}" {
                whitespace(0x20)
            } else {
                emit(String(scalar))
            }
        }
    }
}
