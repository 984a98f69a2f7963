/// A SubRip (SRT) reader for call transcripts.
///
/// Reads numbered cues with `hh:mm:ss,mmm --> hh:mm:ss,mmm` timings (`.` also accepted),
/// tolerating CRLF, a BOM, missing or extra blank lines and missing cue numbers, and
/// strips markup such as `<i>` and `{\an8}`.
public enum SRT {
    /// The cues of an SRT file.
    /// - Throws: ``NormalizeError/invalidTranscript(line:reason:)`` for a malformed timing,
    ///   or when text is present but no cue is.
    public static func parse(_ text: String) throws(NormalizeError) -> [Cue] {
        let lines = CueParsing.lines(text)
        var cues: [Cue] = []
        var index = 0
        while index < lines.count {
            guard CueParsing.isTiming(lines[index]) else {
                index += 1
                continue
            }
            let (start, end) = try CueParsing.timing(lines[index], lineNumber: index + 1)
            index += 1
            var payload: [Substring] = []
            while index < lines.count, !CueParsing.isBlank(lines[index]), !CueParsing.isTiming(lines[index]),
                  !startsNextCue(lines, at: index) {
                payload.append(lines[index])
                index += 1
            }
            let (text, _) = CueParsing.plainText(payload)
            cues.append(Cue(start: start, end: end, text: text))
        }
        if cues.isEmpty, let first = lines.firstIndex(where: { !CueParsing.isBlank($0) }) {
            throw .invalidTranscript(line: first + 1, reason: "no SRT cue found")
        }
        return cues
    }

    /// True when the line at `index` is a cue number directly followed by a timing.
    private static func startsNextCue(_ lines: [Substring], at index: Int) -> Bool {
        let line = lines[index].trimmingSpaces
        return !line.isEmpty && line.allSatisfy { $0.isASCII && $0.isNumber }
            && index + 1 < lines.count && CueParsing.isTiming(lines[index + 1])
    }
}
