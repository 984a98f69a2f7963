import Foundation
import Glibc
import Storage
import Synchronization

/// The durable record of which messages are committed and which are published.
///
/// An append-only log of tab-separated lines in `STATE/journal/`:
/// `C ID TEAM QUEUE-DIR RECEIVED-AT [CONVERSATION-KEY]` once a message is staged and committed
/// (the moment its source may be acknowledged), `P ID` once it is in the queue's `new/`. The
/// conversation key (an e-mail's Message-ID) lets a later reply find the team of this message. A torn last line
/// (a crash mid-write) was never acknowledged and is ignored. The set of committed IDs is the
/// dedupe index: an input read again after a crash gets the same ID and is not delivered twice.
public final class CommitJournal: Sendable {
    /// One committed message.
    public struct Entry: Sendable, Hashable {
        /// Message ID.
        public var id: String
        /// Team it was routed to.
        public var team: String
        /// Absolute path of the team's queue directory.
        public var queue: String
        /// RFC 3339 time it was received.
        public var receivedAt: String
        /// The key later replies refer to (an e-mail's Message-ID), if any.
        public var conversationKey: String?
        /// Creates an entry.
        public init(id: String, team: String, queue: String, receivedAt: String, conversationKey: String? = nil) {
            self.id = id
            self.team = team
            self.queue = queue
            self.receivedAt = receivedAt
            self.conversationKey = conversationKey
        }

        var line: String {
            let fields = [id, team, queue, receivedAt] + (conversationKey.map { [$0] } ?? [])
            return "C\t" + fields.map(CommitJournal.clean).joined(separator: "\t") + "\n"
        }
    }

    /// The message a conversation key belongs to.
    public struct ConversationEntry: Sendable, Hashable {
        /// Its message ID.
        public var id: String
        /// The team it went to.
        public var team: String
    }

    private struct State {
        var descriptor: Int32
        var committed: Set<String>
        var unpublished: [String: Entry]
        var conversations: [String: ConversationEntry]
        var segmentBytes: Int
        var segmentNumber: Int
    }

    /// Segments grow to this size before a new one starts.
    public static let segmentLimit = 16 << 20
    private let directory: String
    private let state: Mutex<State>

    /// Opens (creating if needed) the journal in `directory` and reads every segment.
    public init(directory: String) throws(IOFailure) {
        self.directory = directory
        _ = try DurableFile.makeDirectories(at: directory, mode: 0o750)
        let segments = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let numbers = segments.compactMap(CommitJournal.segmentNumber).sorted()
        var replayed = Replay()
        for number in numbers {
            let path = CommitJournal.segmentPath(directory, number)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw IOFailure(operation: .read, path: path, errno: errno)
            }
            replayed.read(Array(data))
        }
        let current = numbers.last ?? 1
        let path = CommitJournal.segmentPath(directory, current)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw IOFailure(operation: .open, path: path, errno: errno) }
        var info = stat()
        fstat(descriptor, &info)
        if numbers.isEmpty { try DurableFile.syncDirectory(at: directory) }
        state = Mutex(State(
            descriptor: descriptor, committed: replayed.committed, unpublished: replayed.unpublished,
            conversations: replayed.conversations, segmentBytes: Int(info.st_size), segmentNumber: current))
    }

    /// Reads the journal without opening it for writing: (committed IDs, unpublished entries).
    public static func read(directory: String) -> (committed: Int, unpublished: [Entry]) {
        let segments = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var replayed = Replay()
        for number in segments.compactMap(segmentNumber).sorted() {
            if let data = FileManager.default.contents(atPath: segmentPath(directory, number)) {
                replayed.read(Array(data))
            }
        }
        return (replayed.committed.count, Array(replayed.unpublished.values))
    }

    deinit {
        _ = state.withLock { close($0.descriptor) }
    }

    /// Whether a message with this ID was committed before.
    public func contains(_ id: String) -> Bool {
        state.withLock { $0.committed.contains(id) }
    }

    /// Committed messages that are not yet known to be published, oldest first.
    public var unpublished: [Entry] {
        state.withLock { Array($0.unpublished.values) }.sorted { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) }
    }

    /// The message that a conversation key (an e-mail's Message-ID) belongs to.
    public func conversation(_ key: String) -> ConversationEntry? {
        state.withLock { $0.conversations[key] }
    }

    /// Number of committed IDs held for dedupe.
    public var committedCount: Int { state.withLock { $0.committed.count } }

    /// Appends commit records for `entries` and fsyncs once (group commit). Entries whose ID is
    /// already committed are skipped; the IDs that were new are returned.
    public func commit(_ entries: [Entry]) throws(IOFailure) -> [String] {
        try state.withLock { (state) throws(IOFailure) -> [String] in
            var fresh: [Entry] = []
            var seen = Set<String>()
            for entry in entries where !state.committed.contains(entry.id) && seen.insert(entry.id).inserted {
                fresh.append(entry)
            }
            guard !fresh.isEmpty else { return [] }
            try append(fresh.map(\.line).joined(), sync: true, state: &state)
            for entry in fresh {
                state.committed.insert(entry.id)
                state.unpublished[entry.id] = entry
                if let key = entry.conversationKey { state.conversations[key] = ConversationEntry(id: entry.id, team: entry.team) }
            }
            return fresh.map(\.id)
        }
    }

    /// Records that these messages are in their queue's `new/`. Not fsynced: after a crash,
    /// recovery finds them published anyway.
    public func markPublished(_ ids: [String]) throws(IOFailure) {
        guard !ids.isEmpty else { return }
        try state.withLock { (state) throws(IOFailure) in
            try append(ids.map { "P\t\($0)\n" }.joined(), sync: false, state: &state)
            for id in ids { state.unpublished.removeValue(forKey: id) }
        }
    }

    private func append(_ text: String, sync: Bool, state: inout State) throws(IOFailure) {
        let path = CommitJournal.segmentPath(directory, state.segmentNumber)
        try DurableFile.writeAll(Array(text.utf8), to: state.descriptor, path: path)
        if sync, fsync(state.descriptor) != 0 { throw IOFailure(operation: .sync, path: path, errno: errno) }
        state.segmentBytes += text.utf8.count
        if state.segmentBytes >= CommitJournal.segmentLimit { try rotate(&state) }
    }

    /// Starts a new segment that first repeats what is still unpublished, then drops old ones.
    private func rotate(_ state: inout State) throws(IOFailure) {
        let next = state.segmentNumber + 1
        let path = CommitJournal.segmentPath(directory, next)
        let lines = state.unpublished.values.map(\.line).joined()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw IOFailure(operation: .open, path: path, errno: errno) }
        try DurableFile.writeAll(Array(lines.utf8), to: descriptor, path: path)
        guard fsync(descriptor) == 0 else { throw IOFailure(operation: .sync, path: path, errno: errno) }
        try DurableFile.syncDirectory(at: directory)
        close(state.descriptor)
        state.descriptor = descriptor
        state.segmentNumber = next
        state.segmentBytes = lines.utf8.count
        removeSegments(olderThan: CommitJournal.dedupeWindow, before: next)
    }

    /// How long committed IDs are kept for dedupe: segments older than this are removed at rotation.
    public static let dedupeWindow: TimeInterval = 30 * 24 * 3600

    private func removeSegments(olderThan age: TimeInterval, before current: Int) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for number in names.compactMap(CommitJournal.segmentNumber) where number < current {
            let path = CommitJournal.segmentPath(directory, number)
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if Date().timeIntervalSince1970 - Double(info.st_mtim.tv_sec) > age { unlink(path) }
        }
    }

    fileprivate static func clean(_ value: String) -> String {
        String(value.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    /// What replaying journal segments yields.
    private struct Replay {
        var committed = Set<String>()
        var unpublished: [String: Entry] = [:]
        var conversations: [String: ConversationEntry] = [:]

        mutating func read(_ bytes: [UInt8]) {
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                let fields = bytes[start..<index].split(separator: 0x09, omittingEmptySubsequences: false)
                    .map { String(decoding: $0, as: UTF8.self) }
                start = index + 1
                if fields.first == "C", fields.count >= 5 {
                    let entry = Entry(id: fields[1], team: fields[2], queue: fields[3], receivedAt: fields[4],
                                      conversationKey: fields.count > 5 ? fields[5] : nil)
                    committed.insert(entry.id)
                    unpublished[entry.id] = entry
                    if let key = entry.conversationKey { conversations[key] = ConversationEntry(id: entry.id, team: entry.team) }
                } else if fields.first == "P", fields.count >= 2 {
                    committed.insert(fields[1])
                    unpublished.removeValue(forKey: fields[1])
                }
            }
        }
    }

    private static func segmentNumber(_ name: String) -> Int? {
        guard name.hasPrefix("journal-"), name.hasSuffix(".log") else { return nil }
        return Int(name.dropFirst(8).dropLast(4))
    }

    private static func segmentPath(_ directory: String, _ number: Int) -> String {
        let digits = String(number)
        return directory + "/journal-" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits + ".log"
    }
}
