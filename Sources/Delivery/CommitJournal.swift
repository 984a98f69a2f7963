import Foundation
import Glibc
import Storage
import Synchronization

/// The durable record of which messages are committed and which are published.
///
/// An append-only log of tab-separated lines in `STATE/journal/`:
/// `C ID TEAM QUEUE-DIR RECEIVED-AT` once a message is staged and committed (the moment its
/// source may be acknowledged), `P ID` once it is in the queue's `new/`. A torn last line
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
        /// Creates an entry.
        public init(id: String, team: String, queue: String, receivedAt: String) {
            self.id = id
            self.team = team
            self.queue = queue
            self.receivedAt = receivedAt
        }
    }

    private struct State {
        var descriptor: Int32
        var committed: Set<String>
        var unpublished: [String: Entry]
        var segmentBytes: Int
        var segmentNumber: Int
    }

    /// Segments grow to this size before a new one starts.
    public static let segmentLimit = 16 << 20
    private let directory: String
    private let state: Mutex<State>
    private let rounds = GroupCommit<[Entry], Result<[String], IOFailure>>()

    /// Opens (creating if needed) the journal in `directory` and reads every segment.
    public init(directory: String) throws(IOFailure) {
        self.directory = directory
        _ = try DurableFile.makeDirectories(at: directory, mode: 0o750)
        let segments = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let numbers = segments.compactMap(CommitJournal.segmentNumber).sorted()
        var committed = Set<String>()
        var unpublished: [String: Entry] = [:]
        for number in numbers {
            let path = CommitJournal.segmentPath(directory, number)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw IOFailure(operation: .read, path: path, errno: errno)
            }
            CommitJournal.replay(Array(data), committed: &committed, unpublished: &unpublished)
        }
        let current = numbers.last ?? 1
        let path = CommitJournal.segmentPath(directory, current)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw IOFailure(operation: .open, path: path, errno: errno) }
        var info = stat()
        fstat(descriptor, &info)
        if numbers.isEmpty { try DurableFile.syncDirectory(at: directory) }
        state = Mutex(State(
            descriptor: descriptor, committed: committed, unpublished: unpublished,
            segmentBytes: Int(info.st_size), segmentNumber: current))
    }

    /// Reads the journal without opening it for writing: (committed IDs, unpublished entries).
    public static func read(directory: String) -> (committed: Int, unpublished: [Entry]) {
        let segments = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var committed = Set<String>()
        var unpublished: [String: Entry] = [:]
        for number in segments.compactMap(segmentNumber).sorted() {
            if let data = FileManager.default.contents(atPath: segmentPath(directory, number)) {
                replay(Array(data), committed: &committed, unpublished: &unpublished)
            }
        }
        return (committed.count, Array(unpublished.values))
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

    /// Number of committed IDs held for dedupe.
    public var committedCount: Int { state.withLock { $0.committed.count } }

    /// Appends commit records for `entries` and fsyncs once (group commit). Entries whose ID is
    /// already committed are skipped; the IDs that were new are returned.
    ///
    /// Concurrent callers share fsyncs: while one round is being synced, the entries of the
    /// others gather and are written and synced together in the next round. An ID counts as
    /// committed (``contains(_:)``) only once its record is synced.
    public func commit(_ entries: [Entry]) throws(IOFailure) -> [String] {
        try rounds.submit(entries) { commitRound($0) }.get()
    }

    /// Writes the records of one round, fsyncs them outside the lock, then marks them committed.
    private func commitRound(_ requests: [[Entry]]) -> [Result<[String], IOFailure>] {
        let written = state.withLock { (state) -> Result<(fresh: [[Entry]], descriptor: Int32), IOFailure> in
            var seen = Set<String>()
            let fresh = requests.map { entries in
                entries.filter { !state.committed.contains($0.id) && seen.insert($0.id).inserted }
            }
            let all = fresh.joined()
            guard !all.isEmpty else { return .success((fresh, -1)) }
            let text = all.map { "C\t\($0.id)\t\(clean($0.team))\t\(clean($0.queue))\t\(clean($0.receivedAt))\n" }.joined()
            do throws(IOFailure) {
                try append(text, sync: false, state: &state)
            } catch {
                return .failure(error)
            }
            // A descriptor of its own, so a rotation meanwhile cannot close the one being synced.
            let descriptor = dup(state.descriptor)
            guard descriptor >= 0 else { return .failure(.current(.sync, currentPath(state))) }
            return .success((fresh, descriptor))
        }
        let fresh: [[Entry]]
        switch written {
        case .failure(let error):
            return requests.map { _ in .failure(error) }
        case .success(let result):
            fresh = result.fresh
            if result.descriptor >= 0 {
                let synced = fsync(result.descriptor) == 0
                let failure = IOFailure.current(.sync, directory)
                close(result.descriptor)
                if !synced { return requests.map { _ in .failure(failure) } }
            }
        }
        // A rotation that fails leaves this round synced; a later round tries again.
        try? state.withLock { (state) throws(IOFailure) in
            for entry in fresh.joined() {
                state.committed.insert(entry.id)
                state.unpublished[entry.id] = entry
            }
            if state.segmentBytes >= CommitJournal.segmentLimit { try rotate(&state) }
        }
        return fresh.map { .success($0.map(\.id)) }
    }

    private func currentPath(_ state: State) -> String {
        CommitJournal.segmentPath(directory, state.segmentNumber)
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
        // Commit rounds rotate once their records are synced and marked.
        if sync && state.segmentBytes >= CommitJournal.segmentLimit { try rotate(&state) }
    }

    /// Starts a new segment that first repeats what is still unpublished, then drops old ones.
    private func rotate(_ state: inout State) throws(IOFailure) {
        let next = state.segmentNumber + 1
        let path = CommitJournal.segmentPath(directory, next)
        let lines = state.unpublished.values.map { "C\t\($0.id)\t\($0.team)\t\($0.queue)\t\($0.receivedAt)\n" }.joined()
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

    private func clean(_ value: String) -> String {
        String(value.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    private static func replay(_ bytes: [UInt8], committed: inout Set<String>, unpublished: inout [String: Entry]) {
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            let fields = bytes[start..<index].split(separator: 0x09, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            start = index + 1
            if fields.first == "C", fields.count >= 5 {
                committed.insert(fields[1])
                unpublished[fields[1]] = Entry(id: fields[1], team: fields[2], queue: fields[3], receivedAt: fields[4])
            } else if fields.first == "P", fields.count >= 2 {
                committed.insert(fields[1])
                unpublished.removeValue(forKey: fields[1])
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
