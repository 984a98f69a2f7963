import Delivery
import Foundation
import Intake
import Privacy
import Receipts
import Routing

/// What `wegwijzer status` shows, read from the state folder (the daemon need not run).
public struct StatusReport: Sendable {
    /// One team's queue.
    public struct Queue: Sendable {
        /// Team name.
        public var team: String
        /// Queue directory.
        public var path: String
        /// Messages waiting in `new/`.
        public var depth: Int
    }

    /// One drop source.
    public struct Source: Sendable {
        /// Source name.
        public var name: String
        /// Source type.
        public var type: String
        /// Inputs waiting to be taken.
        public var waiting: Int
        /// Inputs in `rejected/`.
        public var rejected: Int
    }

    /// Deliveries to one team's endpoint waiting in `STATE/outbox/`.
    public struct Outbox: Sendable {
        /// Team name.
        public var team: String
        /// Messages not yet accepted by the endpoint.
        public var pending: Int
        /// Of those, messages that have failed at least once and wait for a retry.
        public var retrying: Int
    }

    /// Receipts to citizens, read from `STATE/outbox/`, `STATE/dead/` and the per-address
    /// ledger `STATE/receipts/ledger.log`.
    public struct Receipts: Sendable {
        /// Whether `[acknowledge]` is configured.
        public var configured: Bool
        /// The per-address period, in seconds: `sent` and `withheld` count within it.
        public var period: Int
        /// Receipts decided within the period and no longer pending or dead: accepted by the
        /// SMTP server (the ledger keeps decisions, not deliveries, so a receipt whose message
        /// was never committed would count too).
        public var sent: Int
        /// Receipts waiting in the outbox.
        public var pending: Int
        /// Of those, receipts that failed at least once and wait for a retry.
        public var retrying: Int
        /// Receipts among the dead letters.
        public var dead: Int
        /// Receipts withheld by the per-address limit within the period.
        public var withheld: Int
    }

    /// Queues, in configuration order.
    public var queues: [Queue]
    /// Drop sources.
    public var sources: [Source]
    /// Automatic mail (auto-replies, bounces) set aside in `STATE/noise/`.
    public var noise: Int
    /// Committed messages not yet in their queue's `new/`.
    public var pending: Int
    /// Message IDs held for dedupe.
    public var committed: Int
    /// Pending endpoint deliveries by team, in configuration order (teams with none left out).
    public var outbox: [Outbox]
    /// All pending endpoint deliveries.
    public var outboxPending: Int
    /// Age in seconds of the oldest pending delivery.
    public var oldestPendingAge: Int?
    /// Dead letters in `STATE/dead/`.
    public var deadLetters: Int
    /// Age in seconds of the oldest dead letter.
    public var oldestDeadLetterAge: Int?
    /// Receipts to citizens.
    public var receipts: Receipts
    /// The last error log lines (JSON objects).
    public var lastErrors: [String]
    /// Messages still in the queues' `new/` that are older than retention (they are never
    /// removed); `nil` when no retention is configured.
    public var olderThanRetention: Int?

    /// Reads the state folder of `config`.
    public init(config: RoutingConfig) {
        let state = config.router.state
        queues = config.teams.map { team in
            let path = config.queuePath(forTeam: team.name)
            return Queue(team: team.name, path: path, depth: QueueDirectory(path: path).depth())
        }
        sources = config.sources.compactMap { source in
            guard let path = config.sourcePath(source) else { return nil }
            let folder: any InputFolder = source.type == .maildir
                ? MaildirFolder(path: path, deleteAfterRead: source.deleteAfterRead) : DropDirectory(path: path)
            return Source(name: source.name, type: source.type.rawValue,
                          waiting: folder.pending(limit: Int.max).count, rejected: folder.rejectedCount)
        }
        noise = DropDirectory.count(reasonsIn: state + "/noise")
        let journal = CommitJournal.read(directory: state + "/journal")
        pending = journal.unpublished.count
        committed = journal.committed
        (outbox, outboxPending, oldestPendingAge) = StatusReport.pendingDeliveries(state: state, teams: config.teams.map(\.name))
        let dead = StatusReport.files(in: state + "/dead", suffix: ".json")
        deadLetters = dead.count
        oldestDeadLetterAge = dead.map(\.age).max()
        receipts = StatusReport.receipts(state: state, settings: config.acknowledge, dead: dead.map(\.name))
        lastErrors = EventLog.lastErrors(in: state + "/errors.log", count: 5)
        let period = config.router.retention.period(.claimed)
        olderThanRetention = period.map { RetentionSweep.countUnclaimed(config, olderThan: $0) }
    }

    private static func pendingDeliveries(state: String, teams: [String]) -> ([Outbox], Int, Int?) {
        let store = RecordStore(directory: state + "/outbox")
        var counts: [String: (pending: Int, retrying: Int)] = [:]
        var oldest: Date?
        let records = store.pendingRecords().filter { !ReceiptRecord.isReceipt($0.id) }
        for record in records {
            let key = record.team.lowercased()
            counts[key, default: (0, 0)].pending += 1
            if !record.attempts.isEmpty { counts[key, default: (0, 0)].retrying += 1 }
            oldest = min(oldest ?? record.since, record.since)
        }
        var order = teams
        for key in counts.keys where !teams.contains(where: { $0.lowercased() == key }) { order.append(key) }
        let rows = order.compactMap { team in
            counts[team.lowercased()].map { Outbox(team: team, pending: $0.pending, retrying: $0.retrying) }
        }
        return (rows, records.count, oldest.map { Int(Date().timeIntervalSince($0)) })
    }

    private static func receipts(state: String, settings: AcknowledgeSettings?, dead: [String]) -> Receipts {
        let period = settings?.perAddressPeriod ?? 24 * 3600
        let pending = RecordStore(directory: state + "/outbox").pendingRecords().filter { ReceiptRecord.isReceipt($0.id) }
        let deadIDs = Set(dead.compactMap(RecordStore.id(ofFile:)).filter(ReceiptRecord.isReceipt))
        let decisions = ReceiptLedger.decisions(directory: state + "/receipts", since: Date().addingTimeInterval(-period))
        let open = Set(pending.map(\.id)).union(deadIDs)
        let sent = decisions.sent.filter { !open.contains(ReceiptRecord.recordID(forMessage: $0)) }.count
        return Receipts(configured: settings != nil, period: Int(period), sent: sent, pending: pending.count,
                        retrying: pending.filter { !$0.attempts.isEmpty }.count, dead: deadIDs.count,
                        withheld: decisions.withheld.count)
    }

    private static func files(in directory: String, suffix: String) -> [(name: String, age: Int)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let now = Date()
        return names.filter { $0.hasSuffix(suffix) }.map { name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)
            let modified = attributes?[.modificationDate] as? Date ?? now
            return (name, Int(now.timeIntervalSince(modified)))
        }
    }
}
