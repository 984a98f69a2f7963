/// Finds the body parts of a multipart by its boundary, the way Python's `email` does.
///
/// A delimiter line is `--boundary`, optionally followed by `--` (the close delimiter) and
/// blanks. The line break before a delimiter belongs to it (the caller strips it). Repeated
/// delimiter lines make no empty parts. Without a close delimiter the last part runs to the
/// end; without any delimiter there are no parts.
struct MultipartSplit {
    /// Byte ranges of the parts, in order.
    var parts: [Range<Int>] = []
    /// Whether an opening delimiter was found.
    var foundStart = false
    /// Whether the close delimiter was found.
    var foundClose = false
    /// Where the close delimiter line starts, when found.
    var closeStart: Int?
}

enum MultipartSplitter {
    enum Delimiter { case separator, close }

    /// Splits `bytes[range]` at the delimiter lines of `boundary`; stops after `maxParts` parts.
    static func split(_ bytes: [UInt8], range: Range<Int>, boundary: [UInt8], maxParts: Int) -> MultipartSplit {
        var result = MultipartSplit()
        let separator = [0x2D, 0x2D] + boundary
        var partStart: Int?
        var position = range.lowerBound
        let end = range.upperBound
        while position < end {
            let line = ByteLine.at(position, in: bytes, end: end)
            guard let kind = delimiter(bytes, line, separator) else {
                position = line.next
                continue
            }
            if let start = partStart {
                result.parts.append(start..<line.start)
                partStart = nil
                if result.parts.count > maxParts { return result }
            }
            if kind == .close {
                result.foundClose = true
                result.closeStart = line.start
                return result
            }
            result.foundStart = true
            var next = line.next
            while next < end {
                let following = ByteLine.at(next, in: bytes, end: end)
                guard delimiter(bytes, following, separator) != nil else { break }
                next = following.next
            }
            partStart = next
            position = next
        }
        if let start = partStart { result.parts.append(start..<end) }
        return result
    }

    /// Whether `line` is a delimiter for `separator` (`--boundary`), and which kind.
    static func delimiter(_ bytes: [UInt8], _ line: ByteLine, _ separator: [UInt8]) -> Delimiter? {
        guard Bytes.hasPrefix(bytes, at: line.start, end: line.contentEnd, separator) else { return nil }
        var index = line.start + separator.count
        if index + 1 < line.contentEnd && bytes[index] == 0x2D && bytes[index + 1] == 0x2D {
            var rest = index + 2
            while rest < line.contentEnd && Bytes.isBlank(bytes[rest]) { rest += 1 }
            if rest == line.contentEnd { return .close }
        }
        while index < line.contentEnd && Bytes.isBlank(bytes[index]) { index += 1 }
        return index == line.contentEnd ? .separator : nil
    }
}
