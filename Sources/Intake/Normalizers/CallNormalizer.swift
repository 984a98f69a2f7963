import Messages

/// Turns a call transcript into a message: Whisper JSON, WebVTT, SRT or plain text, with
/// the optional sidecar `NAME.meta.json`.
///
/// The text is the cue texts joined with spaces, a cue that repeats the one before it left
/// out (speech recognition repeats itself). `channelData` holds `format`,
/// `durationSeconds` (sidecar, else the last cue's end), `asrConfidence` (sidecar, else for
/// Whisper the mean `exp(avg_logprob)`), `language`, `caller` and `startedAt`; the
/// caller is also the sender's phone.
public enum CallNormalizer {
    /// Normalizes a call transcript of `kind`. The message's id, receivedAt and routing
    /// are left empty.
    /// - Throws: ``NormalizeError``; ``NormalizeError/emptyText`` when nothing was said.
    public static func normalize(
        _ bytes: [UInt8], kind: InputKind, sidecar: [UInt8]?, source: SourceReference
    ) throws(NormalizeError) -> NormalizedInput {
        let meta = try sidecar.map { (bytes) throws(NormalizeError) in try CallSidecar(bytes) }
        var cues: [Cue] = []
        var text = ""
        var language: String?
        var confidence: Double?
        let format: String
        switch kind {
        case .callWhisper:
            let whisper = try WhisperTranscript(IntakeJSON.parse(bytes))
            cues = whisper.segments.map(\.cue)
            text = cues.isEmpty ? FormNormalizer.clean(whisper.text) : joined(cues)
            language = whisper.language
            confidence = whisper.confidence
            format = "whisper"
        case .callVTT:
            let document = try WebVTT.parseDocument(String(decoding: bytes, as: UTF8.self))
            cues = document.cues
            text = joined(cues)
            language = document.header["language"]
            format = "webvtt"
        case .callSRT:
            cues = try SRT.parse(String(decoding: bytes, as: UTF8.self))
            text = joined(cues)
            format = "srt"
        case .callText:
            var body = String(decoding: bytes, as: UTF8.self)
            if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
            text = FormNormalizer.clean(body)
            format = "text"
        case .formJSON:
            throw .invalidInput("form JSON is not a call transcript")
        }
        guard !text.isEmpty else { throw .emptyText }

        var channelData: [String: JSONValue] = ["format": .string(format)]
        if let duration = meta?.durationSeconds ?? cues.map(\.end).max() {
            channelData["durationSeconds"] = .number(rounded(duration))
        }
        if let asr = meta?.asrConfidence ?? confidence { channelData["asrConfidence"] = .number(rounded(asr)) }
        if let language = meta?.language ?? language, !language.isEmpty { channelData["language"] = .string(language) }
        if let caller = meta?.caller { channelData["caller"] = .string(caller) }
        if let startedAt = meta?.startedAt { channelData["startedAt"] = .string(startedAt) }
        if let extra = meta?.extra, !extra.isEmpty { channelData["fields"] = .object(extra) }

        let message = Message(
            channel: .call, source: source, sender: Sender(phone: meta?.caller), text: text,
            channelData: channelData
        )
        return NormalizedInput(message: message)
    }

    /// The cue texts joined with spaces; empty cues and repeats of the cue before are left out.
    static func joined(_ cues: [Cue]) -> String {
        var parts: [String] = []
        var previous = ""
        for cue in cues {
            let text = FormNormalizer.clean(cue.text)
            let key = FormField.fold(text)
            guard !text.isEmpty else { continue }
            if !key.isEmpty && key == previous { continue }
            parts.append(text)
            previous = key
        }
        return parts.joined(separator: " ")
    }

    /// `value` rounded to 3 decimals; a value too large to have decimals stays as it is
    /// (multiplying it would overflow to infinity, which JSON cannot hold).
    static func rounded(_ value: Double) -> Double {
        guard value.isFinite, abs(value) < 1e15 else { return value }
        return (value * 1000).rounded() / 1000
    }
}
