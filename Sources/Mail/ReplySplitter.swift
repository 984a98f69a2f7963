/// A reply's own text, apart from the history it quotes and the sender's signature.
public struct ReplyParts: Sendable, Hashable {
    /// What the sender wrote.
    public var mainText: String
    /// Quoted earlier messages (attribution line and `>` lines, Outlook header blocks), if any.
    public var quotedHistory: String?
    /// The signature after a `-- ` line, or a "Sent from my iPhone" style line, if any.
    public var signature: String?
}

/// Splits reply history and signatures off a message text (Dutch and English conventions).
///
/// History starts at the first of: an attribution line ("Op 12 mrt. 2026 om 10:15 schreef
/// Jan <jan@x.nl>:", "On … wrote:", also wrapped over up to three lines), an Outlook header
/// block ("Van: … Verzonden: …", "From: … Sent: …"), or an "-----Original Message-----" /
/// "-----Oorspronkelijk bericht-----" line. Remaining `>` lines move to the history too.
/// Only the `-- ` delimiter and device lines ("Verzonden vanaf mijn iPhone") start a
/// signature; closings such as "Met vriendelijke groet, Jan" stay in the main text.
public enum ReplySplitter {
    /// Splits `text` (LF line breaks).
    public static func split(_ text: String) -> ReplyParts {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let historyStart = ReplyMarkers.historyStart(lines) ?? lines.count
        var main: [String] = []
        var quoted: [String] = []
        for line in lines[..<historyStart] {
            if line.hasPrefix(">") { quoted.append(line) } else { main.append(line) }
        }
        quoted += lines[historyStart...]
        var signature: [String] = []
        if let delimiter = main.lastIndex(where: { $0 == "-- " || $0 == "--" }) {
            signature = Array(main[(delimiter + 1)...])
            main.removeSubrange(delimiter...)
        }
        if let last = main.lastIndex(where: { !$0.trimmingBlanks().isEmpty }),
           ReplyMarkers.isDeviceSignature(main[last]) {
            signature = Array(main[last...]) + signature
            main.removeSubrange(last...)
        }
        return ReplyParts(
            mainText: trimmedBlock(main),
            quotedHistory: nonEmpty(trimmedBlock(quoted)),
            signature: nonEmpty(trimmedBlock(signature)))
    }

    /// The lines joined, without leading and trailing blank lines or trailing white space.
    static func trimmedBlock(_ lines: [String]) -> String {
        guard let first = lines.firstIndex(where: { !$0.trimmingBlanks().isEmpty }) else { return "" }
        let last = lines.lastIndex(where: { !$0.trimmingBlanks().isEmpty })!
        return lines[first...last].map { line in
            var line = line
            while let end = line.unicodeScalars.last, end.isBlankOrNewline { line.unicodeScalars.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}

/// Recognisers for the lines that begin quoted history or a signature.
enum ReplyMarkers {
    /// Index of the first line that starts quoted history.
    static func historyStart(_ lines: [String]) -> Int? {
        for index in lines.indices {
            let line = lines[index].trimmingBlanks()
            if line.isEmpty || line.hasPrefix(">") { continue }
            if isSeparator(line) { return index }
            if isAttribution(lines, index) { return index }
            if isHeaderBlock(lines, index) {
                var start = index
                if let previous = lines[..<index].lastIndex(where: { !$0.trimmingBlanks().isEmpty }),
                   isUnderscoreRule(lines[previous]) {
                    start = previous
                }
                return start
            }
        }
        return nil
    }

    private static let attributionStarts = ["op ", "on ", "am ", "le ", "el ", "il "]
    private static let attributionVerbs = [
        "schreef", "geschreven", "wrote", "writes", "schrieb", "geschrieben", "a écrit", "escribió", "ha scritto",
    ]

    /// "Op … schreef …:" and the like, possibly wrapped over up to three lines.
    static func isAttribution(_ lines: [String], _ index: Int) -> Bool {
        var joined = ""
        for offset in 0..<3 where index + offset < lines.count {
            let piece = lines[index + offset].trimmingBlanks()
            if piece.isEmpty || piece.hasPrefix(">") { return false }
            joined += (joined.isEmpty ? "" : " ") + piece
            if joined.count > 300 { return false }
            guard joined.hasSuffix(":") else { continue }
            let lower = joined.lowercased()
            guard attributionVerbs.contains(where: { lower.contains($0) }) else { continue }
            let hasDateOrAddress = lower.contains("@") || lower.contains(where: { $0.isNumber })
            let startsLikeOne = attributionStarts.contains { lower.hasPrefix($0) }
            if hasDateOrAddress && (startsLikeOne || lower.contains("<")) { return true }
        }
        return false
    }

    private static let separators: Set<String> = [
        "original message", "oorspronkelijk bericht", "origineel bericht", "oorspronkelijk e-mailbericht",
        "ursprüngliche nachricht", "message d'origine", "mensaje original", "originalmeddelande",
    ]

    /// "-----Original Message-----", "-----Oorspronkelijk bericht-----" and similar.
    static func isSeparator(_ line: String) -> Bool {
        guard line.hasPrefix("---") else { return false }
        let core = line.trimming("- ").lowercased()
        return separators.contains(core)
    }

    private static let fromLabels = ["van:", "from:", "von:", "de:"]
    private static let dateLabels = ["verzonden:", "sent:", "datum:", "date:", "gesendet:", "envoyé:", "verstuurd:"]

    /// An Outlook header block: a "Van:"/"From:" line with a "Verzonden:"/"Sent:" line
    /// within the next five lines.
    static func isHeaderBlock(_ lines: [String], _ index: Int) -> Bool {
        guard hasLabel(lines[index], fromLabels) else { return false }
        let lower = lines[index].lowercased()
        if dateLabels.contains(where: { lower.contains(" " + $0) || lower.contains("*" + $0) }) { return true }
        for next in (index + 1)..<min(lines.count, index + 6) where hasLabel(lines[next], dateLabels) {
            return true
        }
        return false
    }

    private static func hasLabel(_ line: String, _ labels: [String]) -> Bool {
        let lower = line.trimmingBlanks().trimming("*").lowercased()
        return labels.contains { label in
            lower.hasPrefix(label) || lower.hasPrefix(label.dropLast() + "*:")
                || lower.hasPrefix(label.dropLast() + " :")
        }
    }

    private static func isUnderscoreRule(_ line: String) -> Bool {
        let trimmed = line.trimmingBlanks()
        return trimmed.count >= 10 && trimmed.allSatisfy { $0 == "_" || $0 == "-" }
    }

    private static let devicePrefixes = [
        "verzonden vanaf mijn", "verstuurd vanaf mijn", "verzonden van mijn", "verstuurd van mijn",
        "verzonden met", "verstuurd met", "verzonden via", "verstuurd via", "sent from my", "sent from",
        "sent with", "sent via", "sent using", "get outlook for", "download outlook for",
        "outlook voor ios", "outlook voor android", "gesendet von", "von meinem", "envoyé de mon",
    ]

    /// "Verzonden vanaf mijn iPhone", "Sent from my iPhone", "Get Outlook for Android", ….
    static func isDeviceSignature(_ line: String) -> Bool {
        let lower = line.trimmingBlanks().trimming("-_* ").lowercased()
        guard lower.count <= 100 else { return false }
        return devicePrefixes.contains { lower.hasPrefix($0) }
    }
}

extension String {
    /// The string without the given characters at either end.
    func trimming(_ set: String) -> String {
        let characters = Set(set)
        guard let first = firstIndex(where: { !characters.contains($0) }) else { return "" }
        let last = lastIndex(where: { !characters.contains($0) })!
        return String(self[first...last])
    }
}
