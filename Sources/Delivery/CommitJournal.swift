import Foundation
import Glibc
import Storage
import Synchronization

/// The durable record of which messages are committed and which are published.
///
/// An append-only log of tab-separated lines in `STATE/journal/`:
/// `C ID TEAM QUEUE-DIR RECEIVED-AT [CONVERSATION-KEY…]` once a message is staged and committed
/// (the moment its source may be acknowledged), `P ID` once it is in the queue's `new/`,
/// `R ID FROM TO TIME FROM-QUEUE TO-QUEUE NOTE` once a correction moved it to another team
/// (``Correction``, fsynced before the old file is removed). The
/// conversation keys (an e-mail's Message-ID, its receipt's Message-ID and reference) let a later
/// reply find the team of this message. A torn last line
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
        /// The keys later replies refer to: an e-mail's Message-ID, and a receipt's Message-ID
        /// and reference key.
        public var conversationKeys: [String]
        /// The first conversation key (an e-mail's own Message-ID, when it has one), if any.
        public var conversationKey: String? { conversationKeys.first }
        /// Creates an entry; `conversationKey` (an e-mail's Message-ID) comes first among its
        /// keys, then `moreKeys`.
        public init(id: String, team: String, queue: String, receivedAt: String, conversationKey: String? = nil,
                    moreKeys: [String] = []) {
            self.id = id
            self.team = team
            self.queue = queue
            self.receivedAt = receivedAt
            conversationKeys = (conversationKey.map { [$0] } ?? []) + moreKeys.filter { !$0.isEmpty }
        }

        /// Appends the entry's `C` line; tabs and line breaks inside fields become spaces.
        func appendLine(to bytes: inout [UInt8]) {
            bytes.append(UInt8(ascii: "C"))
            Self.append(field: id, to: &bytes)
            Self.append(field: team, to: &bytes)
            Self.append(field: queue, to: &bytes)
            Self.append(field: receivedAt, to: &bytes)
            for key in conversationKeys { Self.append(field: key, to: &bytes) }
            bytes.append(0x0A)
        }

        /// A tab, then the field with its tabs and line breaks made spaces.
        static func append(field: String, to bytes: inout [UInt8]) {
            bytes.append(0x09)
            var field = field
            field.withUTF8 { utf8 in
                let start = bytes.count
                bytes.append(contentsOf: utf8)
                guard utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return }
                for index in start..<bytes.count where bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
                    bytes[index] = 0x20
                }
            }
        }
    }

    /// The message a conversation key belongs to.
    public struct ConversationEntry: Sendable, Hashable {
        /// Its message ID.
        public var id: String
        /// The team it went to.
        public var team: String
    }

    /// What the journal knows: read by every input, so never held across a write or an fsync.
    private struct Index {
        /// Committed IDs, with their team ("" when only a `P` line names the ID).
        var committed: [String: String]
        var unpublished: [String: Entry]
        var conversations: [String: ConversationEntry]
        /// The last correction of each corrected ID.
        var corrections: [String: Correction]

        /// Takes in a correction: the message's team, and the team later replies go to, is `to`.
        mutating func note(_ correction: Correction) {
            committed[correction.id] = correction.to
            corrections[correction.id] = correction
            Replay.follow(correction, in: &conversations)
        }
    }

    /// The segment being appended to; its lock serializes writers.
    private struct Segment {
        var descriptor: Int32
        var bytes: Int
        var number: Int
        /// How far the segment has been read for lines other processes appended.
        var scanned: Int
    }

    /// Segments grow to this size before a new one starts.
    public static let segmentLimit = 16 << 20
    /// The folder of the journal's segments.
    public let directory: String
    private let state: Mutex<Index>
    private let segment: Mutex<Segment>

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
        replayed.followCorrections()
        let current = numbers.last ?? 1
        let path = CommitJournal.segmentPath(directory, current)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw IOFailure(operation: .open, path: path, errno: errno) }
        var info = stat()
        fstat(descriptor, &info)
        if numbers.isEmpty { try DurableFile.syncDirectory(at: directory) }
        state = Mutex(Index(
            committed: replayed.committed, unpublished: replayed.unpublished, conversations: replayed.conversations,
            corrections: replayed.corrections))
        segment = Mutex(Segment(descriptor: descriptor, bytes: Int(info.st_size), number: current, scanned: Int(info.st_size)))
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
        _ = segment.withLock { close($0.descriptor) }
    }

    /// Whether a message with this ID was committed before.
    public func contains(_ id: String) -> Bool {
        state.withLock { $0.committed[id] != nil }
    }

    /// Committed messages that are not yet known to be published, oldest first.
    public var unpublished: [Entry] {
        state.withLock { Array($0.unpublished.values) }.sorted { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) }
    }

    /// The message that a conversation key (an e-mail's Message-ID) belongs to.
    public func conversation(_ key: String) -> ConversationEntry? {
        state.withLock { $0.conversations[key] }
    }

    /// The team a committed message went to, when the journal still says.
    public func team(of id: String) -> String? {
        state.withLock { $0.committed[id] }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The last correction of every corrected message the journal still holds.
    public var corrections: [Correction] {
        state.withLock { Array($0.corrections.values) }
    }

    /// The last correction of a message, if it was corrected.
    public func correction(of id: String) -> Correction? {
        state.withLock { $0.corrections[id] }
    }

    /// Takes in the corrections another process (`wegwijzer reroute`) appended to the current
    /// segment since the last look, so that their messages' new teams count at once (for
    /// replies and duplicates). One `fstat` when nothing was appended.
    public func takeInForeignCorrections() {
        segment.withLock { segment in
            var info = stat()
            guard fstat(segment.descriptor, &info) == 0, Int(info.st_size) > segment.scanned else { return }
            let path = CommitJournal.segmentPath(directory, segment.number)
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return }
            defer { close(descriptor) }
            var bytes = [UInt8](repeating: 0, count: Int(info.st_size) - segment.scanned)
            let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(segment.scanned)) }
            // Complete lines only; a line being written is read next time.
            guard count > 0, let last = bytes[..<count].lastIndex(of: 0x0A) else { return }
            var replayed = Replay()
            replayed.read(Array(bytes[...last]))
            segment.scanned += last + 1
            segment.bytes = max(segment.bytes, segment.scanned)
            guard !replayed.corrections.isEmpty else { return }
            state.withLock { index in
                for correction in replayed.corrections.values { index.note(correction) }
            }
        }
    }

    /// Appends a correction's `R` line and fsyncs it; from now on the message's team is `to`.
    public func record(_ correction: Correction) throws(IOFailure) {
        try segment.withLock { (segment) throws(IOFailure) in
            var line: [UInt8] = []
            correction.appendLine(to: &line)
            try append(line, sync: true, segment: &segment)
            state.withLock { index in index.note(correction) }
            rotateIfFullOrRetryLater(&segment)
        }
    }

    /// Number of committed IDs held for dedupe.
    public var committedCount: Int { state.withLock { $0.committed.count } }

    /// Appends commit records for `entries` and fsyncs once (group commit). Entries whose ID is
    /// already committed are skipped; the IDs that were new are returned.
    ///
    /// Only writers wait for the fsync: ``contains(_:)`` and the other readers go on meanwhile,
    /// and see the IDs as committed once the fsync is done.
    public func commit(_ entries: [Entry]) throws(IOFailure) -> [String] {
        try segment.withLock { (segment) throws(IOFailure) -> [String] in
            let fresh = state.withLock { index in
                var seen = Set<String>()
                return entries.filter { index.committed[$0.id] == nil && seen.insert($0.id).inserted }
            }
            guard !fresh.isEmpty else { return [] }
            var lines: [UInt8] = []
            lines.reserveCapacity(fresh.count * 160)
            for entry in fresh { entry.appendLine(to: &lines) }
            try append(lines, sync: true, segment: &segment)
            state.withLock { index in
                for entry in fresh {
                    index.committed[entry.id] = entry.team
                    index.unpublished[entry.id] = entry
                    for key in entry.conversationKeys {
                        index.conversations[key] = ConversationEntry(id: entry.id, team: entry.team)
                    }
                }
            }
            rotateIfFullOrRetryLater(&segment)
            return fresh.map(\.id)
        }
    }

    /// Records that these messages are in their queue's `new/`. Not fsynced: after a crash,
    /// recovery finds them published anyway.
    public func markPublished(_ ids: [String]) throws(IOFailure) {
        guard !ids.isEmpty else { return }
        try segment.withLock { (segment) throws(IOFailure) in
            var lines: [UInt8] = []
            lines.reserveCapacity(ids.count * 32)
            for id in ids {
                lines += [UInt8(ascii: "P"), 0x09]
                lines += id.utf8
                lines.append(0x0A)
            }
            try append(lines, sync: false, segment: &segment)
            state.withLock { index in
                for id in ids { index.unpublished.removeValue(forKey: id) }
            }
            rotateIfFullOrRetryLater(&segment)
        }
    }

    private func append(_ bytes: [UInt8], sync: Bool, segment: inout Segment) throws(IOFailure) {
        // The segment's path is only worked out for an error.
        do throws(IOFailure) {
            try DurableFile.writeAll(bytes, to: segment.descriptor, path: "")
        } catch {
            throw IOFailure(operation: error.operation, path: CommitJournal.segmentPath(directory, segment.number), errno: error.errno)
        }
        if sync, fsync(segment.descriptor) != 0 {
            let failed = errno
            throw IOFailure(operation: .sync, path: CommitJournal.segmentPath(directory, segment.number), errno: failed)
        }
        segment.bytes += bytes.count
    }

    /// Rotates a full segment; a rotation that fails is tried again at the next append (the
    /// segment grows meanwhile), so the records just made durable still count as committed.
    private func rotateIfFullOrRetryLater(_ segment: inout Segment) {
        try? rotateIfFull(&segment)
    }

    /// Starts a new segment once this one is full: it first repeats what is still unpublished,
    /// then old segments are dropped.
    private func rotateIfFull(_ segment: inout Segment) throws(IOFailure) {
        guard segment.bytes >= CommitJournal.segmentLimit else { return }
        let next = segment.number + 1
        let path = CommitJournal.segmentPath(directory, next)
        var lines: [UInt8] = []
        for entry in state.withLock({ Array($0.unpublished.values) }) { entry.appendLine(to: &lines) }
        // Truncated: a rotation that failed before may have left part of this segment.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw IOFailure(operation: .open, path: path, errno: errno) }
        do throws(IOFailure) {
            try DurableFile.writeAll(lines, to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw IOFailure(operation: .sync, path: path, errno: errno) }
            try DurableFile.syncDirectory(at: directory)
        } catch {
            close(descriptor)
            throw error
        }
        close(segment.descriptor)
        segment = Segment(descriptor: descriptor, bytes: lines.count, number: next, scanned: lines.count)
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


    /// What replaying journal segments yields.
    struct Replay {
        var committed: [String: String] = [:]
        var unpublished: [String: Entry] = [:]
        var conversations: [String: ConversationEntry] = [:]
        var corrections: [String: Correction] = [:]

        /// Points the conversation keys of every corrected message at its last team, in one pass
        /// (after all segments are read).
        mutating func followCorrections() {
            guard !corrections.isEmpty else { return }
            for (key, entry) in conversations {
                if let correction = corrections[entry.id] { conversations[key] = ConversationEntry(id: entry.id, team: correction.to) }
            }
        }

        /// Points the conversation keys of a corrected message at its new team.
        static func follow(_ correction: Correction, in conversations: inout [String: ConversationEntry]) {
            for (key, entry) in conversations where entry.id == correction.id {
                conversations[key] = ConversationEntry(id: entry.id, team: correction.to)
            }
        }

        mutating func read(_ bytes: [UInt8]) {
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                let fields = bytes[start..<index].split(separator: 0x09, omittingEmptySubsequences: false)
                    .map { String(decoding: $0, as: UTF8.self) }
                start = index + 1
                if fields.first == "C", fields.count >= 5 {
                    let entry = Entry(id: fields[1], team: fields[2], queue: fields[3], receivedAt: fields[4],
                                      moreKeys: fields.dropFirst(5).filter { !CommitJournal.isErased($0) })
                    committed[entry.id] = entry.team
                    unpublished[entry.id] = entry
                    for key in entry.conversationKeys { conversations[key] = ConversationEntry(id: entry.id, team: entry.team) }
                } else if fields.first == "R", let correction = Correction(fields: fields) {
                    committed[correction.id] = correction.to
                    corrections[correction.id] = correction
                } else if fields.first == "P", fields.count >= 2 {
                    if committed[fields[1]] == nil { committed[fields[1]] = "" }
                    unpublished.removeValue(forKey: fields[1])
                }
            }
        }
    }

    static func segmentNumber(_ name: String) -> Int? {
        guard name.hasPrefix("journal-"), name.hasSuffix(".log") else { return nil }
        return Int(name.dropFirst(8).dropLast(4))
    }

    static func segmentPath(_ directory: String, _ number: Int) -> String {
        let digits = String(number)
        return directory + "/journal-" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits + ".log"
    }
}
