import Foundation

/// A pending delivery (`STATE/outbox/ID.json`) or a dead letter (`STATE/dead/ID.json`): the
/// message JSON, its team and endpoint, and every attempt so far.
public struct OutboxRecord: Sendable, Hashable {
    /// The message ID (also the `Idempotency-Key` and `webhook-id`).
    public var id: String
    /// The team the message was routed to.
    public var team: String
    /// The endpoint URL when the record was made.
    public var endpoint: String
    /// When the message was committed.
    public var createdAt: Date
    /// When `wegwijzer retry` put it back, if it did; attempts and age count from then.
    public var requeuedAt: Date?
    /// When the next attempt is due.
    public var nextAttemptAt: Date
    /// Every attempt, oldest first.
    public var attempts: [DeliveryAttempt]
    /// For a dead letter: when it was given up.
    public var deadAt: Date?
    /// For a dead letter: why.
    public var reason: String?
    /// The message JSON, sent as the request body byte for byte.
    public var message: [UInt8]

    /// Creates a record.
    public init(id: String, team: String, endpoint: String, createdAt: Date, requeuedAt: Date? = nil,
                nextAttemptAt: Date? = nil, attempts: [DeliveryAttempt] = [], deadAt: Date? = nil,
                reason: String? = nil, message: [UInt8]) {
        self.id = id
        self.team = team
        self.endpoint = endpoint
        self.createdAt = createdAt
        self.requeuedAt = requeuedAt
        self.nextAttemptAt = nextAttemptAt ?? createdAt
        self.attempts = attempts
        self.deadAt = deadAt
        self.reason = reason
        self.message = message
    }

    /// The moment age and attempts are counted from: the requeue, else the commit.
    public var since: Date { requeuedAt ?? createdAt }

    /// The same message, put back for delivery at `now` with no attempts.
    public func requeued(at now: Date) -> OutboxRecord {
        OutboxRecord(id: id, team: team, endpoint: endpoint, createdAt: createdAt, requeuedAt: now,
                     nextAttemptAt: now, message: message)
    }
}
