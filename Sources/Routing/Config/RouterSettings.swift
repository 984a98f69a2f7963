/// The `[router]` section: directories, thresholds and the fallback team.
public struct RouterSettings: Sendable, Hashable {
    /// Default of ``state``.
    public static let defaultState = "/var/lib/wegwijzer"
    /// Default of ``queues``.
    public static let defaultQueues = "/var/spool/wegwijzer/queues"
    /// Default of ``minScore``.
    public static let defaultMinScore: Double = 3
    /// Default of ``minMargin``.
    public static let defaultMinMargin: Double = 2
    /// Default of ``subjectWeight``.
    public static let defaultSubjectWeight = 2
    /// Default of ``archiveDays``.
    public static let defaultArchiveDays = 90
    /// Default of ``maxTextBytes``: 64 KiB.
    public static let defaultMaxTextBytes = 64 * 1024

    /// Directory for the spool, dedupe index and dead letters, as written.
    public var state: String
    /// Directory of the team queues, as written; relative to ``state``.
    public var queues: String
    /// The fallback team's name, spelled as in its `[team NAME]` header.
    public var fallback: String
    /// Lowest winning score.
    public var minScore: Double
    /// Lowest lead of the best team over the runner-up.
    public var minMargin: Double
    /// The learned signal file, as written (relative to the configuration's folder); nil when none.
    public var learned: String?
    /// `outside`: the team that gets messages whose location lies in no area; nil when none.
    public var outside: String?
    /// How many times a match in the subject counts.
    public var subjectWeight: Int
    /// Priority words: any match makes a message urgent.
    public var urgent: [Signal]
    /// How many bytes of subject plus text are analysed.
    public var maxTextBytes: Int
    /// Days the archive of routed messages (`STATE/archive/`) is kept; 0: no archive.
    public var archiveDays = defaultArchiveDays
    /// Endpoint delivery: workers, time limits, retries.
    public var delivery = DeliverySettings()
    /// How long stored data is kept (`retention`, `retention-KIND`).
    public var retention = RetentionSettings()

    /// Creates settings; every value but the fallback team has its documented default.
    public init(state: String = defaultState, queues: String = defaultQueues, fallback: String,
                minScore: Double = defaultMinScore, minMargin: Double = defaultMinMargin,
                subjectWeight: Int = defaultSubjectWeight, urgent: [Signal] = [],
                maxTextBytes: Int = defaultMaxTextBytes) {
        self.state = state
        self.queues = queues
        self.fallback = fallback
        self.minScore = minScore
        self.minMargin = minMargin
        self.subjectWeight = subjectWeight
        self.urgent = urgent
        self.maxTextBytes = maxTextBytes
    }
}
