import Foundation

/// The JSON that OpenAI Whisper writes (`--output_format json`): `text`, `segments` and
/// `language`.
struct WhisperTranscript {
    /// One segment of the transcript.
    struct Segment {
        var cue: Cue
        var avgLogprob: Double?
        var noSpeechProb: Double?

        /// Whisper's own test for a segment that is silence, not speech.
        var isSilence: Bool {
            guard let noSpeechProb, let avgLogprob else { return false }
            return noSpeechProb > 0.6 && avgLogprob < -1.0
        }
    }

    /// The whole text as Whisper joined it.
    var text: String
    /// The spoken language Whisper detected, as `nl` or `dutch`.
    var language: String?
    /// The segments, silent ones left out.
    var segments: [Segment]

    /// Reads a parsed Whisper document.
    init(_ root: IntakeJSON.Node) throws(NormalizeError) {
        guard let object = root.object else { throw .invalidInput("Whisper JSON must be an object") }
        if let value = object["text"], value != .null {
            guard let text = value.string else { throw .invalidField(field: "text", reason: "must be a string") }
            self.text = text
        } else {
            self.text = ""
        }
        language = object["language"]?.string?.trimmingSpaces
        var segments: [Segment] = []
        if let value = object["segments"], value != .null {
            guard let items = value.array else { throw .invalidField(field: "segments", reason: "must be an array") }
            for (index, item) in items.enumerated() {
                let segment = try Self.segment(item, field: "segments[\(index)]")
                if !segment.isSilence { segments.append(segment) }
            }
        }
        self.segments = segments
    }

    private static func segment(_ node: IntakeJSON.Node, field: String) throws(NormalizeError) -> Segment {
        guard let object = node.object else { throw .invalidField(field: field, reason: "must be an object") }
        func number(_ key: String) throws(NormalizeError) -> Double? {
            guard let value = object[key], value != .null else { return nil }
            guard case .number = value, let number = value.doubleValue, number.isFinite else {
                throw .invalidField(field: "\(field).\(key)", reason: "must be a number")
            }
            return number
        }
        guard let start = try number("start"), let end = try number("end") else {
            throw .invalidField(field: "\(field).start", reason: "and end are required")
        }
        guard let text = object["text"]?.string else {
            throw .invalidField(field: "\(field).text", reason: "must be a string")
        }
        let cue = Cue(start: start, end: end, text: text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        return Segment(cue: cue, avgLogprob: try number("avg_logprob"), noSpeechProb: try number("no_speech_prob"))
    }

    /// The mean of `exp(avg_logprob)` over the segments that have it, to 3 decimals.
    /// A log probability above 0 counts as 0 (certainty), so the mean stays in 0...1.
    var confidence: Double? {
        let probabilities = segments.compactMap { $0.avgLogprob.map { exp(min($0, 0)) } }
        guard !probabilities.isEmpty else { return nil }
        return CallNormalizer.rounded(probabilities.reduce(0, +) / Double(probabilities.count))
    }
}
