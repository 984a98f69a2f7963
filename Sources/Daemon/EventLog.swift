import Delivery
import Foundation
import Glibc
import Messages
import Storage
import Synchronization

/// Structured logging: one JSON object per line on stderr (`ts`, `level`, `event`, and the
/// fields given), with a syslog priority prefix (`<6>`) when stderr is the journal.
///
/// Message text and BSNs are never passed in at info level; errors are also kept in
/// `STATE/errors.log` (the last 100) for `wegwijzer status`.
public final class EventLog: Sendable {
    /// Log levels, with their syslog priorities.
    public enum Level: String, Sendable {
        case debug, info, warning, error

        var priority: Int {
            switch self {
            case .debug: 7
            case .info: 6
            case .warning: 4
            case .error: 3
            }
        }
    }

    private let toJournal: Bool
    private let errorFile: String?
    private let lock = Mutex(())

    /// Creates a log; `errorFile` keeps the last errors for `status`.
    public init(errorFile: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.errorFile = errorFile
        toJournal = EventLog.stderrIsJournal(environment["JOURNAL_STREAM"])
    }

    /// Writes one event.
    public func log(_ level: Level, _ event: String, _ fields: [String: String] = [:]) {
        log(level, event, records: [fields])
    }

    /// Logs one line per record, in as few writes as whole lines allow: for the messages of a
    /// committed batch.
    ///
    /// Every line goes out in one `write` of at most `PIPE_BUF` bytes, never interleaved with
    /// another thread's (guaranteed for pipes; on Linux also so for the journal's stream socket
    /// and for files), so no lock is needed and threads that log at once do not queue. A line
    /// that would be longer has its field values cut to ``longValue`` bytes, marked with `…`.
    public func log(_ level: Level, _ event: String, records: [[String: String]]) {
        log(level, event, sortedRecords: records.map { $0.sorted { $0.key < $1.key } })
    }

    /// Logs one line per record like ``log(_:_:records:)``, for records whose fields are
    /// already sorted by key (as the lines show them), so none is sorted again.
    public func log(_ level: Level, _ event: String, sortedRecords records: [[(key: String, value: String)]]) {
        guard !records.isEmpty else { return }
        let stamp = Timestamp.now()
        var chunks: [[UInt8]] = [[]]
        var errors: [UInt8] = []
        for fields in records {
            let full = line(stamp, level, event, fields, cut: nil)
            let json = full.count + 8 > Self.atomicWrite ? line(stamp, level, event, fields, cut: Self.longValue) : full
            if level == .error { errors += full + [0x0A] }
            var entry = toJournal ? Array("<\(level.priority)>".utf8) : []
            entry += json
            entry.append(0x0A)
            if chunks[chunks.count - 1].count + entry.count > Self.atomicWrite { chunks.append([]) }
            chunks[chunks.count - 1] += entry
        }
        for chunk in chunks where !chunk.isEmpty {
            _ = chunk.withUnsafeBytes { buffer in
                // Nothing is written when a signal interrupts: try again. A short write of at
                // most PIPE_BUF bytes does not happen on a blocking descriptor.
                var written = write(STDERR_FILENO, buffer.baseAddress, buffer.count)
                while written < 0 && errno == EINTR { written = write(STDERR_FILENO, buffer.baseAddress, buffer.count) }
                return written
            }
        }
        if !errors.isEmpty, let errorFile {
            lock.withLock { _ in EventLog.keep(String(decoding: errors, as: UTF8.self), in: errorFile) }
        }
    }

    /// One event as JSON; with `cut`, each value longer than that many bytes is shortened.
    private func line(
        _ stamp: String, _ level: Level, _ event: String, _ fields: [(key: String, value: String)], cut: Int?
    ) -> [UInt8] {
        var json = JSONWriter(capacity: 160)
        json.object { object in
            object.member("ts", stamp)
            object.member("level", level.rawValue)
            object.member("event", event)
            for (key, value) in fields {
                guard let cut, value.utf8.count > cut else {
                    object.member(key, value)
                    continue
                }
                var end = value.utf8.index(value.utf8.startIndex, offsetBy: cut)
                while end > value.utf8.startIndex && value.utf8[end] & 0xC0 == 0x80 { end = value.utf8.index(before: end) }
                object.member(key, String(value[..<end]) + "…")
            }
        }
        return json.bytes
    }

    /// How long a field value may stay in a line that would otherwise not fit in one write.
    public static let longValue = 256

    /// The most bytes one `write` puts out without interleaving (`PIPE_BUF`).
    private static let atomicWrite = Int(PIPE_BUF)

    /// The last lines of an error file, newest last.
    public static func lastErrors(in path: String, count: Int) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").suffix(count).map(String.init)
    }

    private static func keep(_ line: String, in path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { return }
        _ = line.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
        var info = stat()
        fstat(descriptor, &info)
        close(descriptor)
        if info.st_size > 64 << 10 {
            let kept = lastErrors(in: path, count: 100).joined(separator: "\n") + "\n"
            let temporary = path + ".tmp"
            if FileManager.default.createFile(atPath: temporary, contents: Data(kept.utf8)) { rename(temporary, path) }
        }
    }

    /// JOURNAL_STREAM is `DEVICE:INODE` of the journal's stream; it applies when stderr is that stream.
    private static func stderrIsJournal(_ value: String?) -> Bool {
        guard let value, let colon = value.firstIndex(of: ":"),
              let device = UInt64(value[..<colon]), let inode = UInt64(value[value.index(after: colon)...]) else { return false }
        var info = stat()
        guard fstat(STDERR_FILENO, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }
}

/// RFC 3339 UTC timestamps.
public enum Timestamp {
    /// Now, as `2026-11-29T10:15:00.123Z`.
    public static func now() -> String { format(Date()) }

    /// A date, as `2026-11-29T10:15:00.123Z`.
    public static func format(_ date: Date) -> String { RFC3339.format(date) }
}
