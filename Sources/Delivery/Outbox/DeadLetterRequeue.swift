import Foundation

/// `wegwijzer retry`: puts dead letters back in the outbox, with no attempts, due now.
///
/// The records are written to the outbox as one batch file (fsynced) before the dead letters
/// are removed, so a crash in between leaves both, which the daemon settles at start (the later write wins).
/// A running daemon picks the records up from the outbox by directory events or its rescan.
public enum DeadLetterRequeue {
    /// What a requeue did.
    public struct Result: Sendable, Equatable {
        /// IDs put back for delivery.
        public var requeued: [String] = []
        /// IDs asked for that are not dead letters.
        public var missing: [String] = []
        /// Dead letters that could not be read, with the reason.
        public var unreadable: [String] = []
    }

    /// Puts back the dead letters `ids`, or all of them when `ids` is `nil`.
    public static func requeue(_ ids: [String]?, state: String, now: Date = Date()) throws -> Result {
        let outbox = RecordStore(directory: state + "/outbox")
        let dead = RecordStore(directory: state + "/dead")
        var result = Result()
        var records: [OutboxRecord] = []
        for id in ids ?? dead.ids() {
            do {
                guard let record = try dead.load(id) else {
                    result.missing.append(id)
                    continue
                }
                records.append(record.requeued(at: now))
            } catch is InvalidMessageID {
                result.missing.append(id)
            } catch {
                result.unreadable.append("\(id): \(error)")
            }
        }
        guard !records.isEmpty else { return result }
        try outbox.prepare()
        _ = try outbox.writeBatch(records)
        for record in records { try dead.remove(record.id, sync: false) }
        try dead.syncDirectory()
        result.requeued = records.map(\.id)
        return result
    }
}
