import Foundation

/// A message waiting for its next attempt, in the scheduler.
public struct DeliveryJob: Sendable {
    /// The message ID.
    public var id: String
    /// The lane it waits in: its endpoint URL, so that the in-flight limit holds per endpoint.
    public var lane: String
    /// When the next attempt is due.
    public var due: Date
    /// The record, when held in memory; otherwise it is read from the outbox when due.
    public var record: OutboxRecord?
    /// The record's entry in a batch file, when it is kept there rather than in `ID.json`.
    public var line: OutboxBatch.Line?
    /// The batch file of `line`, as taken on by the service.
    var file: BatchFile?

    /// A job for `record`, due at its next attempt time; `line` when it is a batch entry.
    public init(record: OutboxRecord, line: OutboxBatch.Line? = nil) {
        id = record.id
        lane = record.endpoint
        due = record.nextAttemptAt
        self.record = record
        self.line = line
    }

    /// A job for a record that stays on disk.
    public init(id: String, lane: String, due: Date) {
        self.id = id
        self.lane = lane
        self.due = due
        record = nil
    }

    /// Bytes the job holds in memory.
    var heldBytes: Int { record.map { $0.message.count + 512 } ?? 0 }
}

/// A binary min-heap of plain entries (due time, arrival order, slot), cheap to move under a lock.
struct DueHeap {
    /// One waiting job: when it is due, a tie-breaker in arrival order, and where it is stored.
    struct Entry {
        var due: Double
        var sequence: UInt64
        var slot: Int
    }

    private(set) var items: [Entry] = []

    var count: Int { items.count }
    var first: Entry? { items.first }

    mutating func push(_ entry: Entry) {
        items.append(entry)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.before(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Entry? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, Self.before(items[left], items[smallest]) { smallest = left }
            if right < items.count, Self.before(items[right], items[smallest]) { smallest = right }
            guard smallest != parent else { return top }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }

    private static func before(_ a: Entry, _ b: Entry) -> Bool {
        a.due < b.due || (a.due == b.due && a.sequence < b.sequence)
    }
}
