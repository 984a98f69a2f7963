import Archive
import Delivery
import Foundation
import Glibc
import Messages
import Storage

/// Moves a routed message from one team's queue to another's, exactly once.
///
/// The order makes every crash recoverable (``complete(_:note:endpoint:)`` finishes it):
/// 1. the message, with `routing` rewritten, and its attachments are written to the new
///    queue's `tmp/` and `attachments/ID/`, and fsynced;
/// 2. the correction's `R` line is appended to the commit journal and fsynced: the commit;
/// 3. the correction is archived, and an outbox record made for the new team's endpoint;
/// 4. `tmp/ID.json` is renamed into `new/` and `new/` fsynced;
/// 5. every copy in the old queue (`new/`, claim folders, `misrouted/`) and its attachments are
///    removed.
/// Before step 2 the message is still where it was (recovery removes the staged copy); after it
/// recovery repeats steps 3–5, which are idempotent (an endpoint may get the message twice, with
/// the same `Idempotency-Key`). Moves are serialized by a lock on `STATE/corrections.lock`,
/// shared by `wegwijzer reroute` and the daemon.
public struct Rerouter: Sendable {
    /// A team a message moves from or to.
    public struct Team: Sendable, Hashable {
        /// Team name.
        public var name: String
        /// Absolute path of its queue.
        public var queue: String
        /// Its endpoint, if it has one.
        public var endpoint: String?
        /// Creates a team.
        public init(name: String, queue: String, endpoint: String? = nil) {
            self.name = name
            self.queue = queue
            self.endpoint = endpoint
        }
    }

    /// The state folder: the outbox and the lock live there.
    public let state: String
    /// The archive that gets the correction, if it is on.
    public let archive: ArchiveStore?
    /// Appends and fsyncs the journal's `R` line.
    public let record: @Sendable (CommitJournal.Correction) throws -> Void

    /// A rerouter over the state folder `state`; `record` writes the journal line.
    public init(state: String, archive: ArchiveStore?, record: @escaping @Sendable (CommitJournal.Correction) throws -> Void) {
        self.state = state
        self.archive = archive?.isOn == true ? archive : nil
        self.record = record
    }

    /// Runs `body` holding the corrections lock (`flock` on `STATE/corrections.lock`).
    public func withLock<Result>(_ body: () throws -> Result) throws -> Result {
        try FileLock.withExclusive(state + "/corrections.lock", body)
    }

    /// Moves the message whose copy is at `file` (in `from`'s queue) to `to`. `routing`, when
    /// given, is the new decision (a message handed back is routed again); otherwise the old one
    /// is kept with the new team. Either way `reason` becomes `rerouted from FROM[: NOTE]` and the
    /// first decision is kept under `routing.previous`. Call it holding ``withLock(_:)``.
    @discardableResult
    public func move(id: String, file: String, from: Team, to: Team, note: String, routing decided: RoutingSummary? = nil,
                     now: Date = Date()) throws -> CommitJournal.Correction {
        var message = try MessageJSON.decode(Data(try DurableFile.readFile(at: file)))
        let old = message.routing
        var routing = decided ?? old ?? RoutingSummary(team: to.name, score: 0, confidence: 0, fallback: false, priority: "normal",
                                                       reason: "", signals: [], configHash: "")
        routing.team = to.name
        routing.reason = "rerouted from \(from.name)" + (note.isEmpty ? "" : ": " + note)
        routing.previous = old?.previous ?? old.map(PreviousRouting.init)
        message.routing = routing
        let target = QueueDirectory(path: to.queue)
        try target.prepare()
        if from.queue != to.queue {
            let files = try message.attachments.map { attachment in
                (attachment.filename, attachment.contentType, try DurableFile.readFile(at: from.queue + "/" + attachment.path))
            }
            _ = try target.storeAttachments(id: id, files)
        }
        try target.stage(id: id, json: MessageJSON.bytes(message))
        let correction = CommitJournal.Correction(
            id: id, from: from.name, to: to.name, time: RFC3339.format(now), fromQueue: from.queue, toQueue: to.queue, note: note)
        try record(correction)
        try complete(correction, endpoint: to.endpoint, now: now)
        return correction
    }

    /// Finishes a correction whose `R` line is on disk (steps 3–5); safe to repeat. While the
    /// message is still staged in the new queue, the archive gets the correction and the
    /// endpoint an outbox record, then it is published; copies in the old queue are removed.
    public func complete(_ correction: CommitJournal.Correction, endpoint: String?, now: Date = Date()) throws {
        let target = QueueDirectory(path: correction.toQueue)
        let staged = target.isStaged(id: correction.id)
        if staged {
            try archive?.append([.correction(ArchiveCorrection(
                id: correction.id, from: correction.from, to: correction.to, time: correction.time, note: correction.note))],
                sync: true)
            if let endpoint {
                let json = try DurableFile.readFile(at: correction.toQueue + "/tmp/" + correction.id + ".json")
                let outbox = RecordStore(directory: state + "/outbox")
                try outbox.prepare()
                _ = try outbox.writeBatch([OutboxRecord(id: correction.id, team: correction.to, endpoint: endpoint, createdAt: now,
                                                        message: json)])
            }
            try target.publish(ids: [correction.id])
        }
        guard correction.fromQueue == correction.toQueue else {
            try QueueCopies.remove(correction.id, from: correction.fromQueue)
            return
        }
        // Handed back and routed to the same team again: the copy in misrouted/ is a leftover of
        // this move only while the queue holds the message elsewhere too; alone, it was handed
        // back once more, and is left for the next move.
        let copies = QueueCopies.paths(of: correction.id, in: correction.fromQueue)
        if staged || copies.contains(where: { !$0.hasSuffix("/" + QueueCopies.misrouted + "/" + correction.id + ".json") }) {
            try QueueCopies.remove(correction.id, from: correction.fromQueue, onlyHandedBack: true)
        }
    }
}
