/// The `[router]` delivery settings: workers, time limits, retry schedule and limits.
/// Times are in seconds.
public struct DeliveryPolicy: Sendable, Hashable {
    /// Default of ``workers``.
    public static let defaultWorkers = 8
    /// Default of ``connectTimeout``: 10 s.
    public static let defaultConnectTimeout = 10.0
    /// Default of ``timeout``: 30 s.
    public static let defaultTimeout = 30.0
    /// Default of ``retryBase``: 1 s.
    public static let defaultRetryBase = 1.0
    /// Default of ``retryCap``: 30 minutes.
    public static let defaultRetryCap = 1800.0
    /// Default of ``maxAttempts``.
    public static let defaultMaxAttempts = 250
    /// Default of ``maxAge``: 48 hours.
    public static let defaultMaxAge = 48 * 3600.0
    /// Default of ``maxInFlight``.
    public static let defaultMaxInFlight = 4

    /// Delivery workers, each with its own connections (read at start).
    public var workers: Int
    /// Longest time to set up a connection, TLS included.
    public var connectTimeout: Double
    /// Longest time for one whole request.
    public var timeout: Double
    /// The first retry comes within this delay; each later one within twice the last.
    public var retryBase: Double
    /// The longest delay between two attempts (before `Retry-After`).
    public var retryCap: Double
    /// Attempts before a message becomes a dead letter.
    public var maxAttempts: Int
    /// Age after which an undelivered message becomes a dead letter.
    public var maxAge: Double
    /// Requests in flight to one endpoint at most.
    public var maxInFlight: Int
    /// Whether connections are kept alive and reused (`false`: a new connection per request).
    public var keepAlive: Bool

    /// Creates a policy; every value has its documented default.
    public init(workers: Int = defaultWorkers, connectTimeout: Double = defaultConnectTimeout,
                timeout: Double = defaultTimeout, retryBase: Double = defaultRetryBase,
                retryCap: Double = defaultRetryCap, maxAttempts: Int = defaultMaxAttempts,
                maxAge: Double = defaultMaxAge, maxInFlight: Int = defaultMaxInFlight, keepAlive: Bool = true) {
        self.workers = workers
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.retryBase = retryBase
        self.retryCap = retryCap
        self.maxAttempts = maxAttempts
        self.maxAge = maxAge
        self.maxInFlight = maxInFlight
        self.keepAlive = keepAlive
    }
}
