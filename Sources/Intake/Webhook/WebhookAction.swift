/// What the socket layer must do with a request, as the pure ``WebhookHandler`` decides.
public enum WebhookAction: Sendable {
    /// Send this response now; `refusal` labels a refused request for the metrics.
    case respond(HTTPResponse, refusal: String?)
    /// Commit this message, then answer 202 (or 503 when it cannot be committed).
    case intake(WebhookIntake)
    /// Answer `GET /healthz`: check the state and queue folders.
    case health
    /// Answer `GET /metrics` with the Prometheus text.
    case metrics
}

/// A message ready for the pipeline, with what makes it unique.
public struct WebhookIntake: Sendable {
    /// The normalized message and its attachments.
    public var normalized: NormalizedInput
    /// The bytes its message ID is made from: the `webhook-id` when sent, else the body.
    public var identity: [UInt8]
    /// The verified signature's `webhook-id` and timestamp, which may be taken only once.
    public var replayKey: String?
    /// Until when (Unix seconds) ``replayKey`` must be remembered.
    public var replayExpires: Int64

    /// Creates an intake.
    public init(normalized: NormalizedInput, identity: [UInt8], replayKey: String? = nil, replayExpires: Int64 = 0) {
        self.normalized = normalized
        self.identity = identity
        self.replayKey = replayKey
        self.replayExpires = replayExpires
    }
}

/// What the handler knows besides the request: immutable, built per request.
public struct WebhookContext: Sendable {
    /// The `[source NAME]` the listener belongs to.
    public var sourceName: String
    /// The source's extra form field names.
    public var aliases: FieldAliases
    /// Accepted secrets and tokens.
    public var credentials: WebhookCredentials
    /// The current time, Unix seconds.
    public var now: Int64

    /// Creates a context.
    public init(sourceName: String, aliases: FieldAliases = .none, credentials: WebhookCredentials, now: Int64) {
        self.sourceName = sourceName
        self.aliases = aliases
        self.credentials = credentials
        self.now = now
    }
}
