import Foundation
import Glibc
import Storage

/// The archive folder, `STATE/archive/`: append-only daily segments `YYYY-MM-DD.log` (by the
/// UTC day a line is written), kept for ``retentionDays`` days.
///
/// Every writer (the daemon's pipeline, `wegwijzer reroute`, a rewrite that drops messages)
/// holds an exclusive `flock` on `STATE/archive/.lock` while it opens and writes a segment, so a
/// rewrite never loses a line appended meanwhile. Lines are appended with `O_APPEND`, one
/// `write` per batch. A torn last line (a crash mid-write) is skipped by readers.
public struct ArchiveStore: Sendable {
    /// The archive folder.
    public let directory: String
    /// Days a segment is kept; 0 means the archive is off.
    public let retentionDays: Int

    /// An archive in `directory` that keeps `retentionDays` days.
    public init(directory: String, retentionDays: Int) {
        self.directory = directory
        self.retentionDays = retentionDays
    }

    /// The archive folder of a state folder.
    public static func directory(inState state: String) -> String { state + "/archive" }

    /// Whether messages are archived at all.
    public var isOn: Bool { retentionDays > 0 }

    /// Appends entries to the segment of `date`'s day in one write; with `sync`, fsyncs it (and
    /// the folder when the segment is new). Without `sync` the caller makes the file durable
    /// (the pipeline's group commit syncs the file system once per batch).
    public func append(_ entries: [ArchiveEntry], at date: Date = Date(), sync: Bool) throws(IOFailure) {
        guard !entries.isEmpty else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 512)
        for entry in entries { ArchiveLineCodec.append(entry, to: &bytes) }
        try withLock { () throws(IOFailure) in
            let path = segmentPath(day: Self.day(of: date))
            let existed = DurableFile.exists(path)
            let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
            guard descriptor >= 0 else { throw IOFailure.current(.open, path) }
            defer { close(descriptor) }
            if !existed { try DurableFile.giveToFolderOwner(descriptor, path: path, directory: directory) }
            try DurableFile.writeAll(bytes, to: descriptor, path: path)
            if sync {
                guard fsync(descriptor) == 0 else { throw IOFailure.current(.sync, path) }
                if !existed { try DurableFile.syncDirectory(at: directory) }
            }
        }
    }

    /// The days that have a segment, oldest first.
    public func days() -> [String] {
        let names = (try? DurableFile.listDirectory(at: directory)) ?? []
        return names.compactMap { name in
            guard name.hasSuffix(".log"), name.count == 14 else { return nil }
            let day = String(name.dropLast(4))
            return Self.isDay(day) ? day : nil
        }.sorted()
    }

    /// Removes the segments older than ``retentionDays`` days before `now`; returns their days.
    /// With the archive off (0 days) every segment goes: an archive switched off keeps none.
    @discardableResult
    public func expire(now: Date = Date()) throws(IOFailure) -> [String] {
        // Off (`archive-days = 0`) keeps none: what an earlier setting kept goes too.
        let expired = isOn ? days().filter { $0 < Self.day(of: now.addingTimeInterval(-Double(retentionDays - 1) * 86_400)) }
            : days()
        guard !expired.isEmpty else { return [] }
        try withLock { () throws(IOFailure) in
            for day in expired { _ = try DurableFile.removeFile(at: segmentPath(day: day)) }
            try DurableFile.syncDirectory(at: directory)
        }
        return expired
    }

    /// Calls `body` with every entry of the segments from `firstDay` on (all when nil), oldest
    /// segment first, in the order they were written. Unknown and torn lines are skipped.
    public func forEachEntry(from firstDay: String? = nil, _ body: (ArchiveEntry) throws -> Void) throws {
        try forEachLine(from: firstDay) { line in
            if let entry = ArchiveLineCodec.decode(line) { try body(entry) }
        }
    }

    /// Calls `body` with every raw line (without its line feed) of the segments from `firstDay` on.
    public func forEachLine(from firstDay: String? = nil, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        for day in days() where firstDay.map({ day >= $0 }) ?? true {
            let bytes = try DurableFile.readFile(at: segmentPath(day: day))
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                try body(bytes[start..<index])
                start = index + 1
            }
        }
    }

    /// Every entry of the archive, oldest first: for tools that need the records with their
    /// fields (such as removing a person's records).
    public func entries() throws -> [ArchiveEntry] {
        var entries: [ArchiveEntry] = []
        try forEachEntry { entries.append($0) }
        return entries
    }

    /// Rewrites the segment of `day` without the lines about `ids`, durably: the rest is written
    /// to `.DAY.tmp`, fsynced, renamed over the segment and the folder fsynced. Returns how many
    /// lines were left out.
    @discardableResult
    public func rewrite(day: String, without ids: Set<String>) throws(IOFailure) -> Int {
        try withLock { () throws(IOFailure) -> Int in
            let path = segmentPath(day: day)
            guard DurableFile.exists(path) else { return 0 }
            let bytes = try DurableFile.readFile(at: path)
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var removed = 0
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                let line = bytes[start...index]
                if let id = ArchiveLineCodec.id(of: line.dropLast()), ids.contains(String(id)) {
                    removed += 1
                } else {
                    kept += line
                }
                start = index + 1
            }
            guard removed > 0 else { return 0 }
            let temporary = directory + "/." + day + ".tmp"
            try DurableFile.createFile(at: temporary, contents: kept, mode: 0o640, truncating: true)
            // Run as root (`forget` under sudo), the new segment must stay the daemon's to append to.
            try DurableFile.giveToFolderOwner(path: temporary, directory: directory)
            try DurableFile.rename(temporary, to: path)
            try DurableFile.syncDirectory(at: directory)
            return removed
        }
    }

    /// Rewrites every segment without the lines about `ids`; returns how many lines were left out.
    @discardableResult
    public func remove(ids: Set<String>) throws(IOFailure) -> Int {
        var removed = 0
        for day in days() { removed += try rewrite(day: day, without: ids) }
        return removed
    }

    /// The path of `day`'s segment.
    public func segmentPath(day: String) -> String { directory + "/" + day + ".log" }

    /// The UTC day of a date, `YYYY-MM-DD`.
    public static func day(of date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let month = Int(parts.tm_mon) + 1
        let dayOfMonth = Int(parts.tm_mday)
        return "\(parts.tm_year + 1900)-\(month < 10 ? "0" : "")\(month)-\(dayOfMonth < 10 ? "0" : "")\(dayOfMonth)"
    }

    /// Whether `text` has the form `YYYY-MM-DD`.
    public static func isDay(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { index, byte in index == 4 || index == 7 || (byte >= 0x30 && byte <= 0x39) }
    }

    private func withLock<Result>(_ body: () throws(IOFailure) -> Result) throws(IOFailure) -> Result {
        _ = try DurableFile.makeDirectories(at: directory, mode: 0o750)
        do {
            return try FileLock.withExclusive(directory + "/.lock", body)
        } catch let failure as IOFailure {
            throw failure
        } catch {
            throw IOFailure(operation: .open, path: directory + "/.lock", errno: EIO)
        }
    }
}
