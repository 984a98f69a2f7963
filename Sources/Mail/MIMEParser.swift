/// Builds the MIME tree of a message, within ``MailLimits``; problems become defects.
struct MIMEParser {
    let limits: MailLimits
    /// Parts created so far.
    private(set) var partCount = 0
    /// Problems noticed, each prefixed with where.
    private(set) var defects: [String] = []

    init(limits: MailLimits) { self.limits = limits }

    /// Where a part sits, for defect messages.
    private func describe(_ path: String) -> String { path.isEmpty ? "message" : "part \(path)" }

    /// Parses the part (header section and body) in `bytes[range]`.
    ///
    /// - Parameters:
    ///   - defaultType: the content type when the part has none.
    ///   - stripFinalBreak: drop one line break at the end of a leaf body (it belongs to the
    ///     following multipart delimiter).
    mutating func parsePart(
        _ bytes: [UInt8], range: Range<Int>, depth: Int, path: String,
        defaultType: String = "text/plain", stripFinalBreak: Bool = false, viaMessage: Bool = false
    ) throws -> MailPart {
        partCount += 1
        if partCount > limits.maxParts {
            throw MailError.limitExceeded("more than \(limits.maxParts) MIME parts")
        }
        if depth > limits.maxDepth {
            throw MailError.limitExceeded("MIME parts nested more than \(limits.maxDepth) levels deep")
        }
        let block = try HeaderBlockParser.parse(bytes, from: range.lowerBound, end: range.upperBound, limits: limits)
        defects += block.defects.map { "\(describe(path)): \($0)" }
        var part = MailPart(headers: block.headers)
        resolveTypes(&part, defaultType: defaultType, path: path)

        var source = bytes
        var body = block.bodyStart..<range.upperBound
        if let prefix = block.bodyPrefix {
            source = Array(bytes[prefix]) + Array(bytes[body])
            body = 0..<source.count
        }

        if part.contentType == "message/delivery-status" {
            part.children = try parseFieldGroups(source, range: body, depth: depth + 1, path: path)
        } else if part.mainType == "message" {
            let encoding = TransferDecoding.normalizedName(part.headers.raw(named: "Content-Transfer-Encoding"))
            if encoding == "base64" || encoding == "quoted-printable" {
                source = TransferDecoding.decode(Array(source[body]), encoding: encoding)
                body = 0..<source.count
            }
            // Python strips the delimiter's line break from the embedded message's own body.
            let child = try parsePart(
                source, range: body, depth: depth + 1, path: childPath(path, 1),
                stripFinalBreak: stripFinalBreak && !viaMessage, viaMessage: true)
            part.children = [child]
        } else if part.isMultipart {
            if try !parseMultipart(&part, source, range: body, depth: depth, path: path) {
                part.contentType = "text/plain"
                fillLeaf(&part, source, range: body, stripFinalBreak: stripFinalBreak)
            }
        } else {
            fillLeaf(&part, source, range: body, stripFinalBreak: stripFinalBreak)
        }
        if !block.eightBitFields.isEmpty, let charset = part.charset ?? Self.firstTextCharset(part),
           Charsets.isKnown(charset) {
            part.headers = block.redecoding(bytes, charset: charset)
        }
        return part
    }

    /// The charset of the first text leaf below `part` (not inside embedded messages).
    private static func firstTextCharset(_ part: MailPart) -> String? {
        var stack = [part]
        while let next = stack.popLast() {
            if next.children.isEmpty {
                if next.mainType == "text", let charset = next.charset { return charset }
            } else if next.mainType != "message" {
                stack.append(contentsOf: next.children.reversed())
            }
        }
        return nil
    }

    private func childPath(_ path: String, _ number: Int) -> String {
        path.isEmpty ? "\(number)" : "\(path).\(number)"
    }

    /// Sets content type, parameters and disposition from the headers.
    private mutating func resolveTypes(_ part: inout MailPart, defaultType: String, path: String) {
        if let value = part.headers.raw(named: "Content-Type") {
            let (type, parameters) = MIMEParameters.parse(value)
            part.parameters = parameters
            let pieces = type.split(separator: "/", omittingEmptySubsequences: false)
            if pieces.count == 2 && !pieces[0].isEmpty && !pieces[1].isEmpty {
                part.contentType = type
            } else {
                part.contentType = "text/plain"
                defects.append("\(describe(path)): invalid content type \"\(type)\", read as text/plain")
            }
        } else {
            part.contentType = defaultType
        }
        if let value = part.headers.raw(named: "Content-Disposition") {
            let (type, parameters) = MIMEParameters.parse(value)
            part.disposition = type.isEmpty ? nil : type
            part.dispositionParameters = parameters
        }
    }

    /// Splits a multipart into children; false when it must be read as a text leaf instead.
    private mutating func parseMultipart(
        _ part: inout MailPart, _ bytes: [UInt8], range: Range<Int>, depth: Int, path: String
    ) throws -> Bool {
        var boundary = part.parameters["boundary"] ?? ""
        while let last = boundary.unicodeScalars.last, last.isBlankOrNewline {
            boundary.unicodeScalars.removeLast()
        }
        guard !boundary.isEmpty else {
            defects.append("\(describe(path)): multipart without a boundary, read as text/plain")
            return false
        }
        let split = MultipartSplitter.split(
            bytes, range: range, boundary: Array(boundary.utf8), maxParts: limits.maxParts)
        guard split.foundStart else {
            // A close delimiter before any opening one leaves only the text before it.
            let textRange = range.lowerBound..<(split.closeStart ?? range.upperBound)
            let blank = bytes[textRange].allSatisfy(Bytes.isSpace)
            defects.append("\(describe(path)): multipart boundary \"\(boundary)\" never found"
                           + (blank ? "" : ", body read as text/plain"))
            return blank
        }
        if !split.foundClose {
            defects.append("\(describe(path)): multipart close delimiter missing, last part ends at the end")
        }
        let childType = part.subType == "digest" ? "message/rfc822" : "text/plain"
        var children: [MailPart] = []
        for (index, childRange) in split.parts.enumerated() {
            children.append(try parsePart(
                bytes, range: childRange, depth: depth + 1, path: childPath(path, index + 1),
                defaultType: childType, stripFinalBreak: true))
        }
        part.children = children
        return true
    }

    /// `message/delivery-status`: blank-line separated field groups, each a child part.
    private mutating func parseFieldGroups(
        _ bytes: [UInt8], range: Range<Int>, depth: Int, path: String
    ) throws -> [MailPart] {
        var children: [MailPart] = []
        var position = range.lowerBound
        while position < range.upperBound {
            var groupEnd = position
            while groupEnd < range.upperBound {
                let line = ByteLine.at(groupEnd, in: bytes, end: range.upperBound)
                if line.isEmpty { break }
                groupEnd = line.next
            }
            children.append(try parsePart(
                bytes, range: position..<groupEnd, depth: depth, path: childPath(path, children.count + 1)))
            position = groupEnd
            if position < range.upperBound {
                position = ByteLine.at(position, in: bytes, end: range.upperBound).next
            }
        }
        return children
    }

    /// Decodes a leaf's body (and text, for `text/*`).
    private func fillLeaf(_ part: inout MailPart, _ bytes: [UInt8], range: Range<Int>, stripFinalBreak: Bool) {
        var end = range.upperBound
        if stripFinalBreak && end > range.lowerBound {
            if bytes[end - 1] == 0x0A {
                end -= 1
                if end > range.lowerBound && bytes[end - 1] == 0x0D { end -= 1 }
            } else if bytes[end - 1] == 0x0D {
                end -= 1
            }
        }
        let raw = Array(bytes[range.lowerBound..<end])
        part.body = TransferDecoding.decode(raw, encoding: part.headers.raw(named: "Content-Transfer-Encoding"))
        if part.mainType == "text" {
            var charset = part.charset
            if charset == nil && part.contentType == "text/html" {
                charset = HTMLText.declaredCharset(part.body)
            }
            part.text = LineBreaks.normalized(Charsets.decode(part.body, charset: charset))
        }
    }
}

/// Line break normalization.
enum LineBreaks {
    /// The text with CRLF and lone CR turned into LF.
    static func normalized(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var result = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                result.append("\n")
                previousCR = true
                continue
            }
            if scalar == "\n" && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            result.append(scalar)
        }
        return String(result)
    }
}
