import Delivery
import Foundation
import Synchronization

/// The daemon's counters, shared by every source and the pipeline, read by `GET /metrics`.
///
/// All counters only grow. Those of deliveries and dead letters belong to the delivery side;
/// they exist from the start, at 0, so dashboards and alerts can refer to them.
public final class Metrics: Sendable {
    /// The result of one delivery attempt to a team's endpoint.
    public typealias DeliveryResult = Delivery.DeliveryResult

    /// The counters at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// Messages taken in, by channel.
        public var received: [String: UInt64]
        /// Messages committed, by team.
        public var routed: [String: UInt64]
        /// Messages that went to the fallback team because no signal settled them.
        public var fallbacks: UInt64
        /// Inputs and requests refused, by reason.
        public var rejected: [String: UInt64]
        /// Delivery attempts, by result.
        public var deliveries: [String: UInt64]
        /// Messages that became dead letters.
        public var deadLettered: UInt64
        /// HTTP responses, by status code.
        public var httpResponses: [Int: UInt64]
        /// Receipts, by what became of them: `sent` (accepted by the SMTP server), `retried`
        /// (an attempt failed, another is scheduled), `dead` (a dead letter), `withheld` (by the
        /// per-address limit).
        public var receipts: [String: UInt64] = [:]
        /// Items removed by the retention sweep, by kind (`claimed`, `dead`, `noise`,
        /// `rejected`, `outbox`, `attachments`).
        public var retentionRemoved: [String: UInt64] = [:]
        /// A gauge: messages in the queues' `new/` older than retention, as the last sweep
        /// counted them.
        public var unclaimedOverRetention: UInt64 = 0
    }

    /// What became of a receipt, for ``receipt(_:)``.
    public enum ReceiptResult: String, Sendable, CaseIterable {
        /// Accepted by the SMTP server.
        case sent
        /// An attempt failed; another is scheduled.
        case retried
        /// Given up: a dead letter.
        case dead
        /// Not sent: the per-address limit was reached.
        case withheld
    }

    private let counters: Mutex<Snapshot>
    /// Delivery results, counted apart from the intake's counters: the delivery workers count
    /// one each per delivery and should not wait on a lock for it.
    private let deliveredOK = Atomic<UInt64>(0)
    private let deliveryFailed = Atomic<UInt64>(0)
    private let deliveryRetrying = Atomic<UInt64>(0)
    private let deadLetters = Atomic<UInt64>(0)
    private let receiptsSent = Atomic<UInt64>(0)
    private let receiptsRetried = Atomic<UInt64>(0)
    private let receiptsDead = Atomic<UInt64>(0)
    private let receiptsWithheld = Atomic<UInt64>(0)
    /// When the registry was made (daemon start), `CLOCK_MONOTONIC` seconds.
    private let started: Double

    /// A registry with every channel and delivery result at 0, and `teams` routed at 0.
    public init(teams: [String] = []) {
        counters = Mutex(Snapshot(
            received: Dictionary(uniqueKeysWithValues: ["email", "form", "webhook", "call"].map { ($0, 0) }),
            routed: Dictionary(teams.map { ($0, UInt64(0)) }, uniquingKeysWith: { first, _ in first }),
            fallbacks: 0, rejected: [:],
            deliveries: [:],
            deadLettered: 0, httpResponses: [:]))
        started = Metrics.monotonicSeconds()
    }

    /// Counts a message taken in on `channel`.
    public func received(channel: String) {
        counters.withLock { $0.received[channel, default: 0] += 1 }
    }

    /// Counts a message committed for `team`; `fallback` when no signal settled it.
    public func routed(team: String, fallback: Bool) {
        counters.withLock {
            $0.routed[team, default: 0] += 1
            if fallback { $0.fallbacks += 1 }
        }
    }

    /// Counts an input or request refused for `reason` (a short label such as `unauthorized`).
    public func rejected(reason: String) {
        counters.withLock { $0.rejected[reason, default: 0] += 1 }
    }

    /// Counts a delivery attempt.
    public func delivery(_ result: DeliveryResult) {
        switch result {
        case .ok: deliveredOK.add(1, ordering: .relaxed)
        case .failed: deliveryFailed.add(1, ordering: .relaxed)
        case .retrying: deliveryRetrying.add(1, ordering: .relaxed)
        }
    }

    /// Counts a message that became a dead letter.
    public func deadLettered() {
        deadLetters.add(1, ordering: .relaxed)
    }

    /// Counts a receipt's result.
    public func receipt(_ result: ReceiptResult) {
        switch result {
        case .sent: receiptsSent.add(1, ordering: .relaxed)
        case .retried: receiptsRetried.add(1, ordering: .relaxed)
        case .dead: receiptsDead.add(1, ordering: .relaxed)
        case .withheld: receiptsWithheld.add(1, ordering: .relaxed)
        }
    }

    /// Counts a receipt withheld by the per-address limit.
    public func receiptWithheld() {
        receipt(.withheld)
    }

    /// Counts a receipt attempt's delivery result: accepted, retried or dead.
    public func receipt(delivery result: DeliveryResult) {
        switch result {
        case .ok: receipt(.sent)
        case .retrying: receipt(.retried)
        case .failed: receipt(.dead)
        }
    }

    /// Counts an HTTP response with `status`.
    public func httpResponse(status: Int) {
        counters.withLock { $0.httpResponses[status, default: 0] += 1 }
    }

    /// Records what a retention sweep removed and the unclaimed messages it counted.
    public func retention(removed: [String: Int], unclaimedOverRetention: Int) {
        counters.withLock { state in
            for (kind, count) in removed { state.retentionRemoved[kind, default: 0] += UInt64(count) }
            state.unclaimedOverRetention = UInt64(unclaimedOverRetention)
        }
    }

    /// Makes sure `teams` appear, at 0 when nothing was routed to them yet.
    public func register(teams: [String]) {
        counters.withLock { state in
            for team in teams where state.routed[team] == nil { state.routed[team] = 0 }
        }
    }

    /// The counters now.
    public var snapshot: Snapshot {
        var snapshot = counters.withLock { $0 }
        snapshot.deliveries = [
            DeliveryResult.ok.rawValue: deliveredOK.load(ordering: .relaxed),
            DeliveryResult.failed.rawValue: deliveryFailed.load(ordering: .relaxed),
            DeliveryResult.retrying.rawValue: deliveryRetrying.load(ordering: .relaxed),
        ]
        snapshot.deadLettered = deadLetters.load(ordering: .relaxed)
        snapshot.receipts = [
            ReceiptResult.sent.rawValue: receiptsSent.load(ordering: .relaxed),
            ReceiptResult.retried.rawValue: receiptsRetried.load(ordering: .relaxed),
            ReceiptResult.dead.rawValue: receiptsDead.load(ordering: .relaxed),
            ReceiptResult.withheld.rawValue: receiptsWithheld.load(ordering: .relaxed),
        ]
        return snapshot
    }

    /// Seconds since the registry was made.
    public var uptime: Double { Metrics.monotonicSeconds() - started }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
