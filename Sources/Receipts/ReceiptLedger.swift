import Foundation
import Glibc
import Hashing
import Storage
import Synchronization

/// The per-address limit of receipts (`per-address = N/PERIOD`), kept durably in
/// `STATE/receipts/ledger.log`: one line per decision, `S` (sent) or `W` (withheld), the
/// message ID, the SHA-256 of the lower-cased address (addresses themselves are not kept) and
/// the time in seconds.
///
/// A decision is made once per message ID: a message routed again after a crash (same ID) gets
/// the decision it had, so a limit is never counted twice for one message. The pipeline writes
/// the batch's lines (``append(_:)``) before its file-system sync, so a decision is on disk
/// before the commit that acts on it. At start, lines older than the period are dropped by
/// rewriting the file (written aside, fsynced, renamed, directory fsynced).
public final class ReceiptLedger: Sendable {
    /// A decision, as made by ``decide(id:address:count:period:now:)``.
    public struct Decision: Sendable, Hashable {
        /// Whether the receipt is sent (else withheld by the limit).
        public var send: Bool
        /// The line to append, or `nil` when the ID was decided before.
        public var line: [UInt8]?
    }

    private struct Entry: Sendable {
        var send: Bool
        var hash: String
        var time: Double
    }

    /// The ledger file.
    public let path: String
    private let entries: Mutex<[String: Entry]>
    private let descriptor: Mutex<Int32>

    /// Opens (creating) the ledger in `directory`, dropping lines older than `keep` seconds.
    public init(directory: String, keep: Double, now: Date = Date()) throws(IOFailure) {
        _ = try DurableFile.makeDirectories(at: directory, mode: 0o750)
        path = directory + "/ledger.log"
        var kept: [String: Entry] = [:]
        var order: [String] = []
        var dropped = false
        if DurableFile.exists(path) {
            let bytes = try DurableFile.readFile(at: path)
            for line in bytes.split(separator: 0x0A) {
                let fields = line.split(separator: 0x09).map { String(decoding: $0, as: UTF8.self) }
                guard fields.count == 4, fields[0] == "S" || fields[0] == "W", let time = Double(fields[3]) else {
                    dropped = true
                    continue
                }
                guard now.timeIntervalSince1970 - time <= keep else {
                    dropped = true
                    continue
                }
                if kept[fields[1]] == nil { order.append(fields[1]) }
                kept[fields[1]] = Entry(send: fields[0] == "S", hash: fields[2], time: time)
            }
        }
        if dropped {
            var text: [UInt8] = []
            for id in order { if let entry = kept[id] { text += Self.line(id: id, entry: entry) } }
            let part = path + ".part"
            _ = try? DurableFile.removeFile(at: part)
            try DurableFile.createFile(at: part, contents: text, mode: 0o640)
            try DurableFile.rename(part, to: path)
            try DurableFile.syncDirectory(at: directory)
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw IOFailure.current(.open, path) }
        try DurableFile.syncDirectory(at: directory)
        entries = Mutex(kept)
        descriptor = Mutex(fd)
    }

    deinit {
        descriptor.withLock { _ = close($0) }
    }

    /// Decides whether message `id` may get a receipt to `address`: at most `count` receipts
    /// sent to the address in the last `period` seconds. The decision counts at once (also for
    /// other threads); its line is for ``append(_:)``.
    public func decide(id: String, address: String, count: Int, period: Double, now: Date = Date()) -> Decision {
        let hash = Self.hash(address)
        let time = now.timeIntervalSince1970
        return entries.withLock { entries in
            if let known = entries[id] { return Decision(send: known.send, line: nil) }
            let sent = entries.values.lazy.filter { $0.send && $0.hash == hash && time - $0.time < period }.count
            let entry = Entry(send: sent < count, hash: hash, time: time)
            entries[id] = entry
            return Decision(send: entry.send, line: Self.line(id: id, entry: entry))
        }
    }

    /// Forgets the decisions on `ids` whose lines may not have reached the disk (their commit
    /// failed): deciding again gives a line again. A line written twice is harmless: a reader
    /// keeps one decision per ID.
    public func forget(_ ids: some Sequence<String>) {
        entries.withLock { entries in for id in ids { entries.removeValue(forKey: id) } }
    }

    /// Appends decision lines, without fsync: the caller syncs the file system before it commits.
    public func append(_ lines: [[UInt8]]) throws(IOFailure) {
        guard !lines.isEmpty else { return }
        let bytes = lines.flatMap { $0 }
        try descriptor.withLock { (fd) throws(IOFailure) in try DurableFile.writeAll(bytes, to: fd, path: path) }
    }

    /// Receipts withheld by the limit among the decisions kept (those within the period).
    public var withheld: Int { entries.withLock { $0.values.lazy.filter { !$0.send }.count } }

    /// Counts withheld receipts in the ledger in `directory` without opening it for writing.
    public static func withheldCount(directory: String) -> Int {
        guard let bytes = try? DurableFile.readFile(at: directory + "/ledger.log") else { return 0 }
        var ids = Set<String>()
        for line in bytes.split(separator: 0x0A) where line.first == UInt8(ascii: "W") {
            let fields = line.split(separator: 0x09)
            if fields.count == 4 { ids.insert(String(decoding: fields[1], as: UTF8.self)) }
        }
        return ids.count
    }

    /// The IDs decided `S` (sent) and `W` (withheld) in the ledger in `directory` at or after
    /// `since`, without opening it for writing.
    public static func decisions(directory: String, since: Date) -> (sent: Set<String>, withheld: Set<String>) {
        guard let bytes = try? DurableFile.readFile(at: directory + "/ledger.log") else { return ([], []) }
        var sent = Set<String>()
        var withheld = Set<String>()
        for line in bytes.split(separator: 0x0A) {
            let fields = line.split(separator: 0x09)
            guard fields.count == 4, let time = Double(String(decoding: fields[3], as: UTF8.self)),
                  time >= since.timeIntervalSince1970.rounded(.down) else { continue }
            let id = String(decoding: fields[1], as: UTF8.self)
            switch fields[0].first {
            case UInt8(ascii: "S"): sent.insert(id)
            case UInt8(ascii: "W"): withheld.insert(id)
            default: continue
            }
        }
        return (sent, withheld)
    }

    /// The ledger's hash of an address: the SHA-256 of its lower-cased form, in hex.
    public static func hash(_ address: String) -> String {
        Digest.sha256Hex(Array(address.lowercased().utf8))
    }

    private static func line(id: String, entry: Entry) -> [UInt8] {
        Array("\(entry.send ? "S" : "W")\t\(id)\t\(entry.hash)\t\(Int(entry.time))\n".utf8)
    }
}
