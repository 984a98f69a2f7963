/// A WebVTT reader for call transcripts.
///
/// Reads the `WEBVTT` header (and its `Language:` line), skips `NOTE`, `STYLE` and
/// `REGION` blocks and blocks without a timing, ignores cue settings, and strips markup
/// such as voice tags (`<v Beller>`). Tolerates CRLF, a BOM, and cues not separated by
/// blank lines.
public enum WebVTT {
    /// A parsed file: its cues and the `Key: value` lines of its header.
    public struct Document: Sendable, Hashable {
        /// The cues, in file order.
        public var cues: [Cue]
        /// Header metadata such as `Language: nl`, keyed by lower-cased name.
        public var header: [String: String]
    }

    /// The cues of a WebVTT file.
    /// - Throws: ``NormalizeError/invalidTranscript(line:reason:)`` for a missing header or a
    ///   malformed timing.
    public static func parse(_ text: String) throws(NormalizeError) -> [Cue] {
        try parseDocument(text).cues
    }

    /// The cues and header metadata of a WebVTT file.
    public static func parseDocument(_ text: String) throws(NormalizeError) -> Document {
        let lines = CueParsing.lines(text)
        guard let first = lines.first, first.hasPrefix("WEBVTT"),
              first.count == 6 || first.dropFirst(6).first?.isWhitespace == true
        else { throw .invalidTranscript(line: 1, reason: "missing WEBVTT header") }
        var document = Document(cues: [], header: [:])
        var index = 1
        while index < lines.count, !CueParsing.isBlank(lines[index]), !CueParsing.isTiming(lines[index]) {
            if let colon = lines[index].firstIndex(of: ":") {
                let key = lines[index][..<colon].trimmingSpaces.lowercased()
                document.header[key] = lines[index][lines[index].index(after: colon)...].trimmingSpaces
            }
            index += 1
        }
        while index < lines.count {
            let line = lines[index]
            if CueParsing.isBlank(line) {
                index += 1
            } else if isBlockKeyword(line, "NOTE") || isBlockKeyword(line, "STYLE") || isBlockKeyword(line, "REGION") {
                index = endOfBlock(lines, from: index)
            } else if CueParsing.isTiming(line) {
                index = try readCue(lines, timingAt: index, into: &document.cues)
            } else if index + 1 < lines.count, CueParsing.isTiming(lines[index + 1]) {
                index = try readCue(lines, timingAt: index + 1, into: &document.cues)
            } else {
                index = endOfBlock(lines, from: index)
            }
        }
        return document
    }

    /// Reads the cue whose timing is at `timing`; returns the index after its payload.
    private static func readCue(
        _ lines: [Substring], timingAt timing: Int, into cues: inout [Cue]
    ) throws(NormalizeError) -> Int {
        let (start, end) = try CueParsing.timing(lines[timing], lineNumber: timing + 1)
        var index = timing + 1
        var payload: [Substring] = []
        while index < lines.count, !CueParsing.isBlank(lines[index]), !CueParsing.isTiming(lines[index]) {
            payload.append(lines[index])
            index += 1
        }
        let (text, speaker) = CueParsing.plainText(payload)
        cues.append(Cue(start: start, end: end, text: text, speaker: speaker))
        return index
    }

    private static func isBlockKeyword(_ line: Substring, _ keyword: String) -> Bool {
        guard line.hasPrefix(keyword) else { return false }
        let rest = line.dropFirst(keyword.count)
        return rest.isEmpty || rest.first?.isWhitespace == true
    }

    private static func endOfBlock(_ lines: [Substring], from start: Int) -> Int {
        var index = start
        while index < lines.count, !CueParsing.isBlank(lines[index]) { index += 1 }
        return index
    }
}
