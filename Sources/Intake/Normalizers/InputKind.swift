/// The kinds of input file a drop directory or the command line can hold.
public enum InputKind: String, Sendable, Hashable, CaseIterable {
    /// Form JSON: flat fields or an Open Formulieren registration.
    case formJSON
    /// A Whisper JSON transcript.
    case callWhisper
    /// A WebVTT transcript.
    case callVTT
    /// An SRT transcript.
    case callSRT
    /// A plain-text transcript.
    case callText

    /// Keys that mark JSON as a form rather than a Whisper transcript.
    private static let formKeys: Set<String> = [
        "subject", "name", "email", "phone", "postcode", "houseNumber", "street", "place",
        "attachments", "values", "data", "channel",
    ]

    /// The kind of a file, from its name and content; nil when it is none of them.
    ///
    /// `.json` is Whisper when it has `segments`, or `text` and `language` and no form
    /// field, else form JSON; `.vtt`, or any content starting with `WEBVTT`, is WebVTT;
    /// `.srt` is SRT; `.txt` is plain text (or SRT when it starts like SRT). A sidecar
    /// (`NAME.meta.json`) is no input of its own and yields nil.
    public static func detect(fileName: String, bytes: [UInt8]) -> InputKind? {
        let name = fileName.lowercased()
        if name.hasSuffix(".meta.json") { return nil }
        if name.hasSuffix(".json") { return jsonKind(bytes) }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let head = String(decoding: bytes[start..<min(bytes.count, start + 512)], as: UTF8.self)
        if name.hasSuffix(".vtt") || head.hasPrefix("WEBVTT") { return .callVTT }
        if name.hasSuffix(".srt") { return .callSRT }
        if name.hasSuffix(".txt") { return looksLikeSRT(head) ? .callSRT : .callText }
        return nil
    }

    private static func jsonKind(_ bytes: [UInt8]) -> InputKind {
        guard let object = try? IntakeJSON.parse(bytes).object else { return .formJSON }
        if object["segments"]?.array != nil { return .callWhisper }
        let hasFormKey = object.members.contains { formKeys.contains($0.key) }
        if object["text"] != nil, object["language"] != nil, !hasFormKey { return .callWhisper }
        return .formJSON
    }

    /// True when the first lines are a cue number and a timing.
    private static func looksLikeSRT(_ head: String) -> Bool {
        let lines = CueParsing.lines(head).filter { !CueParsing.isBlank($0) }
        guard lines.count >= 2 else { return false }
        return lines[0].trimmingSpaces.allSatisfy(\.isNumber) && CueParsing.isTiming(lines[1])
    }
}
