import Foundation
import Glibc
import Storage

extension CommitJournal {
    /// A committed message moved from one team's queue to another's (`wegwijzer reroute`, or a
    /// team handing it back through `misrouted/`). Its `R` line (`R ID FROM TO TIME FROM-QUEUE TO-QUEUE NOTE`) is the commit point of the move:
    /// written and fsynced after the message is staged in the new queue and before the old file
    /// is removed, so recovery can finish the move (``CommitJournal/corrections``).
    public struct Correction: Sendable, Hashable {
        /// Message ID.
        public var id: String
        /// The team it left.
        public var from: String
        /// The team it went to.
        public var to: String
        /// RFC 3339 time of the correction.
        public var time: String
        /// Absolute path of the old team's queue.
        public var fromQueue: String
        /// Absolute path of the new team's queue.
        public var toQueue: String
        /// Why, in the corrector's words; may be empty.
        public var note: String

        /// Creates a correction.
        public init(id: String, from: String, to: String, time: String, fromQueue: String, toQueue: String, note: String = "") {
            self.id = id
            self.from = from
            self.to = to
            self.time = time
            self.fromQueue = fromQueue
            self.toQueue = toQueue
            self.note = note
        }

        /// The correction of an `R` line's fields, or nil when they are not one.
        init?(fields: [String]) {
            guard fields.first == "R", fields.count >= 7 else { return nil }
            self.init(id: fields[1], from: fields[2], to: fields[3], time: fields[4], fromQueue: fields[5], toQueue: fields[6],
                      note: fields.count > 7 ? fields[7] : "")
        }

        /// Appends the `R` line.
        func appendLine(to bytes: inout [UInt8]) {
            bytes.append(UInt8(ascii: "R"))
            for field in [id, from, to, time, fromQueue, toQueue, note] { Entry.append(field: field, to: &bytes) }
            bytes.append(0x0A)
        }
    }

    /// What the journal in `directory` knows of one message, read without opening it for
    /// writing (for commands beside a running daemon): its team and queue after corrections,
    /// or nil when it holds no commit of the ID.
    public static func lookUp(_ id: String, directory: String) -> (team: String, queue: String)? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let key = Array(id.utf8)
        var found: (team: String, queue: String)?
        for number in names.compactMap(segmentNumber).sorted() {
            guard let data = FileManager.default.contents(atPath: segmentPath(directory, number)) else { continue }
            let bytes = Array(data)
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                defer { start = index + 1 }
                let line = bytes[start..<index]
                // Only lines about this ID are split: "C\tID\t" or "R\tID\t".
                guard line.count > key.count + 2, line.dropFirst(2).starts(with: key),
                      line[start + 2 + key.count] == 0x09 else { continue }
                let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
                if fields[0] == "C", fields.count >= 5 {
                    found = (fields[2], fields[3])
                } else if let correction = Correction(fields: fields) {
                    found = (correction.to, correction.toQueue)
                }
            }
        }
        return found
    }

    /// Appends a correction's `R` line to the newest segment of the journal in `directory` and
    /// fsyncs it, from a process other than the daemon (one `write` with `O_APPEND`, so it never
    /// interleaves with the daemon's lines).
    public static func append(_ correction: Correction, directory: String) throws(IOFailure) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        guard let newest = names.compactMap(segmentNumber).max() else {
            throw IOFailure(operation: .open, path: directory, errno: ENOENT)
        }
        let path = segmentPath(directory, newest)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw IOFailure.current(.open, path) }
        defer { close(descriptor) }
        var line: [UInt8] = []
        correction.appendLine(to: &line)
        try DurableFile.writeAll(line, to: descriptor, path: path)
        guard fsync(descriptor) == 0 else { throw IOFailure.current(.sync, path) }
    }
}
