import Archive
import Delivery
import Foundation
import Intake
import Messages
import Privacy
import Receipts
import Routing
import Storage
import Synchronization

/// Routes normalized inputs and commits them durably, in groups.
///
/// For a batch: every message is routed, its attachments and `tmp/ID.json` are written in its
/// team's queue, one `syncfs` per file system makes them all durable (group commit), then one
/// journal record set is appended and fsynced (the commit: only now may a source acknowledge),
/// then the files are renamed into `new/` with one directory fsync per queue. A crash at any
/// point is finished by ``recover(queues:)``.
///
/// The messages of a batch for teams with an endpoint also get their outbox records, in one
/// batch file written before the file-system sync, so every committed message with an
/// endpoint has one; after the commit they are handed to ``DeliveryService``. A message that
/// gets a receipt (``Acknowledger``) has its receipt record in the same batch file and its
/// per-address ledger line written before the same sync, so no committed receipt is lost.
///
/// With an ``ArchiveStore`` every message of the batch also gets its archive record, appended in
/// one write before the same sync (no fsync of its own), for `history` and `report`.
public final class MessagePipeline: Sendable {
    /// One input, normalized, with what its source knows about it.
    public struct Input: Sendable {
        /// The source it came from.
        public var source: SourceConfig
        /// Bytes that identify the input (name and content, or webhook-id).
        public var identity: [UInt8]
        /// The normalized message and its attachments.
        public var normalized: NormalizedInput
        /// Threading facts, for e-mail: a reply goes to the team of the message it answers.
        public var conversation: Conversation?
        /// Creates an input.
        public init(source: SourceConfig, identity: [UInt8], normalized: NormalizedInput, conversation: Conversation? = nil) {
            self.source = source
            self.identity = identity
            self.normalized = normalized
            self.conversation = conversation
        }
    }

    /// An input's place in a conversation.
    public struct Conversation: Sendable, Hashable {
        /// The key later replies refer to (an e-mail's Message-ID).
        public var key: String?
        /// Keys of the messages this one answers, most recent first.
        public var ancestors: [String]
        /// Creates a conversation record.
        public init(key: String?, ancestors: [String]) {
            self.key = key
            self.ancestors = ancestors
        }
    }

    /// What became of one input.
    public enum Outcome: Sendable, Equatable {
        /// Committed now, routed to `team`.
        case committed(id: String, team: String, reason: String)
        /// Committed before (same ID): acknowledge without delivering again.
        case duplicate(id: String)
        /// Not committed; the source keeps the input and tries again later.
        case failed(reason: String, diskFull: Bool)

        /// Whether the source may acknowledge (remove) its input now.
        public var isCommitted: Bool {
            switch self {
            case .committed, .duplicate: true
            case .failed: false
            }
        }
    }

    let routers: RouterBox
    let journal: CommitJournal
    let log: EventLog
    private let metrics: Metrics?
    private let prepared = Mutex<Set<String>>([])
    /// IDs staged and not yet committed: a second input with the same ID is not staged again.
    private let inFlight = Mutex<Set<String>>([])
    private let delivery: DeliveryService?
    private let acknowledger: Acknowledger?
    let archive: ArchiveStore?
    private let intake: IntakeActivity?

    /// Creates a pipeline over a journal and a router; `metrics` counts what it takes in and
    /// routes, `delivery` posts to team endpoints and sends receipts, `acknowledger` makes them;
    /// `intake` is marked for every input taken in and every batch committed, so that the
    /// retention sweep gives way.
    public init(
        routers: RouterBox, journal: CommitJournal, log: EventLog, metrics: Metrics? = nil, delivery: DeliveryService? = nil,
        acknowledger: Acknowledger? = nil, archive: ArchiveStore? = nil, intake: IntakeActivity? = nil
    ) {
        self.routers = routers
        self.journal = journal
        self.log = log
        self.metrics = metrics
        self.delivery = delivery
        self.acknowledger = delivery == nil ? nil : acknowledger
        self.archive = archive?.isOn == true ? archive : nil
        self.intake = intake
    }

    /// An input routed and staged (or settled without staging), waiting for its commit.
    public struct Prepared: Sendable {
        fileprivate enum Stage: Sendable {
            /// Written to its queue's `tmp/`; committed with the batch.
            case staged(Staging)
            /// The same ID is being staged by another input: settled once the batch commits.
            case follower(id: String)
            /// Settled already (committed before, or failed to stage).
            case settled(Outcome)
        }
        fileprivate let stage: Stage
        fileprivate let channel: String
    }

    /// A staged message: its journal entry, why it went where it went, and what is committed
    /// with it (outbox records: its endpoint delivery and its receipt; a ledger line).
    fileprivate struct Staging: Sendable {
        var entry: CommitJournal.Entry
        var reason: String
        var fallback: Bool
        var records: [OutboxRecord]
        var ledgerLine: [UInt8]?
        var withheld: Bool
        /// The archive record, completed at the commit; nil without an archive.
        var archived: ArchiveRecord?
        /// When the pipeline took the input in.
        var started: Date
    }

    /// Routes and commits a batch; returns one outcome per input, in order.
    ///
    /// `committed` gets the same outcomes as soon as they are final: after the journal commit
    /// and before the messages are moved into `new/`, so a source may acknowledge early (a
    /// restart publishes what a crash leaves committed).
    public func process(_ inputs: [Input], committed onCommit: ([Outcome]) -> Void = { _ in }) -> [Outcome] {
        commit(inputs.map { prepare($0) }, committed: onCommit)
    }

    /// Routes one input and writes its files to its team's queue, without syncing them: the
    /// first half of ``process(_:committed:)``, safe to call from many threads at once, so
    /// that routing and writing run in parallel while ``commit(_:committed:)`` syncs in groups.
    ///
    /// An input whose ID another input is staging or committing is not staged again. By default
    /// it follows that input: its batch's commit settles it (a duplicate once the first is
    /// committed). With `waitingForSameID` it waits (up to ``sameIDWait`` seconds) until the
    /// first is settled, then is a duplicate, or staged itself when the first failed; a caller
    /// whose inputs all commit in one batch must not wait.
    public func prepare(_ input: Input, waitingForSameID: Bool = false) -> Prepared {
        intake?.mark()
        let channel = input.normalized.message.channel.rawValue
        metrics?.received(channel: channel)
        let id = MessageID.make(source: input.source.name, identity: input.identity)
        let deadline = Date().addingTimeInterval(Self.sameIDWait)
        while true {
            if journal.contains(id) { return Prepared(stage: .settled(.duplicate(id: id)), channel: channel) }
            if inFlight.withLock({ $0.insert(id).inserted }) { break }
            guard waitingForSameID, Date() < deadline else { return Prepared(stage: .follower(id: id), channel: channel) }
            usleep(1000)
        }
        // The first input leaves `inFlight` only after the journal has its ID: looking again
        // closes the gap between the two checks above.
        if journal.contains(id) {
            inFlight.withLock { _ = $0.remove(id) }
            return Prepared(stage: .settled(.duplicate(id: id)), channel: channel)
        }
        do {
            return Prepared(stage: .staged(try stage(input, id: id, router: routers.router)), channel: channel)
        } catch {
            inFlight.withLock { _ = $0.remove(id) }
            return Prepared(stage: .settled(failure(error, id: id)), channel: channel)
        }
    }

    /// How long ``prepare(_:waitingForSameID:)`` waits for another input with the same ID.
    public static let sameIDWait: TimeInterval = 10

    /// Commits prepared inputs as one group: one file-system sync, one journal fsync; then
    /// calls `onCommit` with the outcomes, publishes into `new/`, and hands messages with an
    /// endpoint to delivery. Returns the outcomes, in order.
    public func commit(_ batch: [Prepared], committed onCommit: ([Outcome]) -> Void = { _ in }) -> [Outcome] {
        var entries: [CommitJournal.Entry] = []
        var outboxRecords: [OutboxRecord] = []
        var ledgerLines: [[UInt8]] = []
        var decided: [String] = []
        var archived: [ArchiveEntry] = []
        let now = Date()
        let queuedAt = Timestamp.format(now)
        for case .staged(let staging) in batch.lazy.map(\.stage) {
            entries.append(staging.entry)
            if var record = staging.archived {
                record.queuedAt = queuedAt
                record.delayMilliseconds = max(0, Int((now.timeIntervalSince(staging.started) * 1000).rounded()))
                archived.append(.message(record))
            }
            outboxRecords += staging.records
            if let line = staging.ledgerLine {
                ledgerLines.append(line)
                decided.append(staging.entry.id)
            }
        }
        var fresh = Set<String>()
        var failed: (any Error)?
        var lines: [OutboxBatch.Line] = []
        if !entries.isEmpty {
            do {
                if let delivery, !outboxRecords.isEmpty { lines = try delivery.stage(outboxRecords) }
                let outbox = outboxRecords.isEmpty ? [] : [delivery?.outbox.directory].compactMap { $0 }
                try acknowledger?.append(ledgerLines)
                let ledger = ledgerLines.isEmpty ? [] : [acknowledger?.directory].compactMap { $0 }
                // A record of a batch whose commit fails is written again by its retry: readers
                // keep one record per ID.
                try archive?.append(archived, at: now, sync: false)
                let archiveFolder = archived.isEmpty ? [] : [archive?.directory].compactMap { $0 }
                try syncFileSystems(of: entries.map(\.queue) + outbox + ledger + archiveFolder)
                fresh = Set(try journal.commit(entries))
            } catch {
                failed = error
                acknowledger?.forget(decided)
                // Before the IDs leave `inFlight`: a retry of one of them finds its entry stranded.
                delivery?.submit(outboxRecords, lines: lines, committed: [], failed: true)
            }
            inFlight.withLock { ids in for entry in entries { ids.remove(entry.id) } }
        }
        var committed: [CommitJournal.Entry] = []
        var routed: [[(key: String, value: String)]] = []
        let outcomes = batch.map { prepared -> Outcome in
            switch prepared.stage {
            case .settled(let outcome):
                return outcome
            case .follower(let id):
                return journal.contains(id)
                    ? .duplicate(id: id) : .failed(reason: "the same message is being committed", diskFull: false)
            case .staged(let staging):
                let entry = staging.entry
                if let failed { return failure(failed, id: entry.id) }
                guard fresh.contains(entry.id) else { return .duplicate(id: entry.id) }
                committed.append(entry)
                metrics?.routed(team: entry.team, fallback: staging.fallback)
                if staging.withheld { metrics?.receiptWithheld() }
                routed.append([("channel", prepared.channel), ("id", entry.id), ("reason", staging.reason), ("team", entry.team)])
                return .committed(id: entry.id, team: entry.team, reason: staging.reason)
            }
        }
        log.log(.info, "routed", sortedRecords: routed)
        intake?.mark()
        onCommit(outcomes)
        publish(committed)
        if failed == nil { delivery?.submit(outboxRecords, lines: lines, committed: fresh) }
        return outcomes
    }

    /// The team a committed message went to, when the journal still says (for duplicates).
    public func team(ofCommitted id: String) -> String? {
        journal.team(of: id)
    }

    /// Publishes committed messages whose publishing failed earlier (idempotent).
    public func publishPending() {
        publish(journal.unpublished)
    }

    /// Finishes what a crash interrupted: publishes committed messages still in `tmp/`, and
    /// removes staged files that were never committed (and partial `*.part` files) from the
    /// configured queues.
    public func recover(queues: [String]) throws {
        publishPending()
        try finishCorrections()
        let unpublished = Dictionary(journal.unpublished.map { ($0.id, $0.queue) }, uniquingKeysWith: { $1 })
        for path in queues {
            let queue = QueueDirectory(path: path)
            guard DurableFile.isDirectory(path + "/tmp") else { continue }
            // Not committed, or staged here by a correction that never reached its journal line.
            for id in try queue.stagedIDs()
            where !journal.contains(id) || (unpublished[id] != path && journal.correction(of: id)?.toQueue != path) {
                try queue.removeStaged(id: id)
                log.log(.info, "orphan-removed", ["id": id, "queue": path])
            }
            let parts = try queue.removeLeftoverParts()
            if parts > 0 { log.log(.info, "orphan-removed", ["parts": "\(parts)", "queue": path]) }
        }
    }

    private func stage(_ input: Input, id: String, router: Router) throws -> Staging {
        var message = input.normalized.message
        let started = Date()
        message.id = id
        message.receivedAt = Timestamp.format(started)
        let minimum = input.source.type == .callDrop ? input.source.minConfidence : nil
        // A reply finds its team by the Message-IDs it answers (a receipt's among them), or by
        // a receipt's reference in its subject.
        let references = ReceiptReference.found(in: message.subject).map(ReceiptReference.conversationKey)
        let keys = (input.conversation?.ancestors ?? []) + references
        let earlier = keys.lazy.compactMap { self.journal.conversation($0) }.first
        let context = RoutingContext(minConfidence: minimum, conversation: earlier.map { ($0.team, $0.id) })
        let (routed, decision) = router.route(message, context: context)
        message = routed
        let queuePath = router.queuePath(forTeam: decision.team)
        let queue = QueueDirectory(path: queuePath)
        try prepareOnce(queue)
        message.attachments = try queue.storeAttachments(
            id: id, input.normalized.attachments.map { ($0.filename, $0.contentType, $0.data) }, sync: false)
        let json = MessageJSON.bytes(message)
        try queue.stage(id: id, json: json, sync: false)
        var records: [OutboxRecord] = []
        if delivery != nil, let endpoint = router.config.team(named: decision.team)?.endpoint {
            records.append(OutboxRecord(id: id, team: decision.team, endpoint: endpoint, createdAt: Date(), message: json))
        }
        let receipt = try acknowledger?.stage(message, teamName: decision.team, config: router.config)
        if let record = receipt?.record { records.append(record) }
        let entry = CommitJournal.Entry(
            id: id, team: decision.team, queue: queuePath, receivedAt: message.receivedAt,
            conversationKey: input.conversation?.key, moreKeys: receipt?.keys ?? [])
        return Staging(entry: entry, reason: decision.reason.description, fallback: decision.fallback, records: records,
                       ledgerLine: receipt?.ledgerLine, withheld: receipt?.withheld ?? false,
                       archived: archive.map { _ in ArchiveRecord(message) }, started: started)
    }

    /// Group commit: one `syncfs` per file system makes every file the batch staged durable.
    private func syncFileSystems(of paths: [String]) throws {
        var synced = Set<UInt64>()
        for path in Set(paths) {
            guard let device = DurableFile.device(of: path), synced.insert(device).inserted else { continue }
            try DurableFile.syncFileSystem(containing: path)
        }
    }

    private func prepareOnce(_ queue: QueueDirectory) throws {
        if prepared.withLock({ $0.contains(queue.path) }) { return }
        try queue.prepare()
        prepared.withLock { _ = $0.insert(queue.path) }
    }

    private func publish(_ entries: [CommitJournal.Entry]) {
        let byQueue = Dictionary(grouping: entries, by: \.queue)
        for (path, group) in byQueue {
            do {
                try QueueDirectory(path: path).publish(ids: group.map(\.id))
                try journal.markPublished(group.map(\.id))
            } catch {
                log.log(.error, "publish-failed", ["queue": path, "reason": "\(error)"])
            }
        }
    }

    private func failure(_ error: any Error, id: String) -> Outcome {
        let diskFull = (error as? IOFailure)?.isDiskFull ?? false
        log.log(.error, "commit-failed", ["id": id, "reason": "\(error)"])
        return .failed(reason: "\(error)", diskFull: diskFull)
    }
}
