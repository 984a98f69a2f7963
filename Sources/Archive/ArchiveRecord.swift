/// What the archive keeps of one routed message: enough for the report and for learning.
///
/// One line of a daily segment (`docs/archive.md`):
/// `M ID RECEIVED-AT QUEUED-AT DELAY-MS CHANNEL SOURCE TEAM PRIORITY FALLBACK SCORE AREA SIGNALS SUBJECT TEXT`.
public struct ArchiveRecord: Sendable, Hashable {
    /// Message ID.
    public var id: String
    /// RFC 3339 time the message was received.
    public var receivedAt: String
    /// RFC 3339 time its routing was committed.
    public var queuedAt: String
    /// Milliseconds from receipt to commit.
    public var delayMilliseconds: Int
    /// `email`, `form`, `webhook` or `call`.
    public var channel: String
    /// The `[source NAME]` it came in by.
    public var source: String
    /// The team it was routed to.
    public var team: String
    /// `normal` or `urgent`.
    public var priority: String
    /// Whether it went to the fallback team because no signal settled it.
    public var fallback: Bool
    /// The winning score.
    public var score: Double
    /// The area of its location, or empty.
    public var area: String
    /// The signal terms that matched, as written in `routing.conf`.
    public var signals: [String]
    /// The subject, or empty.
    public var subject: String
    /// The decoded text.
    public var text: String

    /// Creates a record.
    public init(id: String, receivedAt: String, queuedAt: String, delayMilliseconds: Int, channel: String, source: String,
                team: String, priority: String, fallback: Bool, score: Double, area: String, signals: [String],
                subject: String, text: String) {
        self.id = id
        self.receivedAt = receivedAt
        self.queuedAt = queuedAt
        self.delayMilliseconds = delayMilliseconds
        self.channel = channel
        self.source = source
        self.team = team
        self.priority = priority
        self.fallback = fallback
        self.score = score
        self.area = area
        self.signals = signals
        self.subject = subject
        self.text = text
    }

    /// The day it was received, `YYYY-MM-DD`.
    public var day: Substring { receivedAt.prefix(10) }
}

/// A correction: a message moved from one team to another, by `wegwijzer reroute` or through a
/// queue's `misrouted/` folder. One line: `R ID FROM TO TIME NOTE`.
public struct ArchiveCorrection: Sendable, Hashable {
    /// Message ID.
    public var id: String
    /// The team it left.
    public var from: String
    /// The team it went to.
    public var to: String
    /// RFC 3339 time of the correction.
    public var time: String
    /// Why, in the corrector's words; may be empty.
    public var note: String

    /// Creates a correction.
    public init(id: String, from: String, to: String, time: String, note: String = "") {
        self.id = id
        self.from = from
        self.to = to
        self.time = time
        self.note = note
    }
}

/// A team's endpoint accepted a message: `A ID TEAM TIME MS`, with the milliseconds from the
/// message's commit (or its correction) to the acceptance.
public struct ArchiveAcceptance: Sendable, Hashable {
    /// Message ID.
    public var id: String
    /// The team whose endpoint accepted it.
    public var team: String
    /// RFC 3339 time of the acceptance.
    public var time: String
    /// Milliseconds from the commit to the acceptance.
    public var milliseconds: Int

    /// Creates an acceptance.
    public init(id: String, team: String, time: String, milliseconds: Int) {
        self.id = id
        self.team = team
        self.time = time
        self.milliseconds = milliseconds
    }
}

/// One line of an archive segment.
public enum ArchiveEntry: Sendable, Hashable {
    /// A routed message.
    case message(ArchiveRecord)
    /// A later correction of one.
    case correction(ArchiveCorrection)
    /// Its acceptance by a team's endpoint.
    case accepted(ArchiveAcceptance)

    /// The message ID the line is about.
    public var id: String {
        switch self {
        case .message(let record): record.id
        case .correction(let correction): correction.id
        case .accepted(let acceptance): acceptance.id
        }
    }
}
