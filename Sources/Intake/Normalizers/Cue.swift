/// One timed piece of a transcript: a WebVTT or SRT cue, or a Whisper segment.
public struct Cue: Sendable, Hashable {
    /// Start, in seconds from the start of the call.
    public var start: Double
    /// End, in seconds from the start of the call.
    public var end: Double
    /// The plain text: markup removed, lines joined with spaces.
    public var text: String
    /// The speaker named by a WebVTT voice tag (`<v Beller>`), if any.
    public var speaker: String?

    /// Creates a cue.
    public init(start: Double, end: Double, text: String, speaker: String? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.speaker = speaker
    }
}
