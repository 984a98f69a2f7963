/// Chooses the text a person reads as a message's body, like a mail reader's display.
///
/// `multipart/alternative` prefers `text/plain` (when not blank), else HTML converted to
/// text; `related` shows its start part; `signed` its content; `report` its human-readable
/// first part; `mixed` and other multiparts join their inline text parts. Attachments and
/// embedded messages are not body text.
enum BodySelector {
    /// The display text of `part`, LF line breaks, inline uuencoded files removed.
    static func text(of part: MailPart) -> String {
        if part.children.isEmpty { return leafText(part) }
        if part.mainType == "message" { return "" }
        switch part.subType {
        case "alternative": return alternativeText(part)
        case "related":
            let start = part.parameters["start"].flatMap { MessageIDs.parse($0).first }
            let root = part.children.first { start != nil && $0.contentID == start } ?? part.children[0]
            return text(of: root)
        case "signed", "report": return text(of: part.children[0])
        case "encrypted": return ""
        default:
            let texts = part.children.filter { $0.mainType != "message" }.map { text(of: $0) }
            return texts.filter { !isBlank($0) }.joined(separator: "\n\n")
        }
    }

    private static func leafText(_ part: MailPart) -> String {
        guard !part.isAttachment, let text = part.text else { return "" }
        switch part.contentType {
        case "text/plain": return InlineUUBlocks.extract(text).text
        case "text/html", "text/enriched", "text/richtext": return HTMLText.plainText(fromHTML: text)
        default: return ""
        }
    }

    private static func alternativeText(_ part: MailPart) -> String {
        let candidates = part.children.filter { !$0.isAttachment && $0.mainType != "message" }
        let texts = candidates.map { text(of: $0) }
        for (candidate, text) in zip(candidates, texts)
        where candidate.contentType == "text/plain" && !isBlank(text) {
            return text
        }
        for (candidate, text) in zip(candidates, texts)
        where candidate.isMultipart && containsPlainText(candidate) && !isBlank(text) {
            return text
        }
        return texts.last { !isBlank($0) } ?? ""
    }

    private static func containsPlainText(_ part: MailPart) -> Bool {
        var stack = [part]
        while let next = stack.popLast() {
            if next.children.isEmpty {
                if next.contentType == "text/plain" && !next.isAttachment { return true }
            } else if next.mainType != "message" {
                stack.append(contentsOf: next.children)
            }
        }
        return false
    }

    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}

/// uuencoded files pasted into plain text (`begin 644 name` … `end`).
enum InlineUUBlocks {
    /// The text without its uuencoded blocks, and the files they hold.
    static func extract(_ text: String) -> (text: String, files: [TransferDecoding.UUFile]) {
        guard text.contains("begin ") else { return (text, []) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        var files: [TransferDecoding.UUFile] = []
        var nextEnd = [Int?](repeating: nil, count: lines.count + 1)
        for index in lines.indices.reversed() {
            nextEnd[index] = lines[index].trimmingCharacters() == "end" ? index : nextEnd[index + 1]
        }
        var index = 0
        while index < lines.count {
            let bytes = Array(lines[index].utf8)
            let line = ByteLine(start: 0, contentEnd: bytes.count, next: bytes.count)
            guard let name = TransferDecoding.beginLineName(bytes, line),
                  let endIndex = nextEnd[index + 1] else {
                kept.append(lines[index])
                index += 1
                continue
            }
            let block = Array(lines[(index + 1)..<endIndex].joined(separator: "\n").utf8)
            let (data, _) = TransferDecoding.uudecodeLines(block, from: 0, end: block.count)
            files.append(TransferDecoding.UUFile(name: name, data: data))
            index = endIndex + 1
        }
        return (kept.joined(separator: "\n"), files)
    }
}

extension Substring {
    /// The substring without outer white space.
    func trimmingCharacters() -> String { String(self).trimmingBlanks() }
}
