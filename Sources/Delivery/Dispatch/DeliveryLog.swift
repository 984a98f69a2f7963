/// How delivery reports what it does: a level, an event name and fields, as the daemon's
/// structured log takes them. Fields never hold message text.
public typealias DeliveryLog = @Sendable (_ level: DeliveryLogLevel, _ event: String, _ fields: [String: String]) -> Void

/// The result of one delivery attempt to a team's endpoint, for counters.
public enum DeliveryResult: String, Sendable, CaseIterable {
    /// The endpoint accepted the message (2xx).
    case ok
    /// The message became a dead letter: given up.
    case failed
    /// The attempt failed; another is scheduled.
    case retrying
}

/// Levels of delivery events.
public enum DeliveryLogLevel: String, Sendable {
    /// Routine: delivered, scheduled.
    case info
    /// A retry: the endpoint failed this time.
    case warning
    /// A dead letter, or a file that could not be written.
    case error
}
