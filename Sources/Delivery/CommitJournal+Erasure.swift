#if canImport(Glibc)
import Glibc
#endif
import Storage

extension CommitJournal {
    /// The byte an erased conversation key is overwritten with, each of its bytes.
    public static let erasedByte = UInt8(ascii: "-")

    /// Whether a conversation key was erased (only ``erasedByte``s): it links to nothing.
    static func isErased(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { $0 == erasedByte }
    }

    /// One `C` line's conversation keys in a segment file, or one `R` line's note, for erasure.
    public struct KeyedLine: Sendable, Hashable {
        /// The segment file.
        public var segment: String
        /// The message ID of the line.
        public var id: String
        /// When it was received (RFC 3339), as the line says; for an `R` line, when it was moved.
        public var receivedAt: String
        /// The keys not yet erased (an `R` line's: its note), with their byte ranges in the segment.
        public var keys: [(key: String, range: Range<Int>)]
        /// Whether the line is a correction's (`R`): its note, in the corrector's words, may
        /// name the person.
        public var isCorrection = false

        /// Lines are equal when they name the same keys of one message in one segment.
        public static func == (a: KeyedLine, b: KeyedLine) -> Bool {
            a.segment == b.segment && a.id == b.id && a.keys.map(\.range) == b.keys.map(\.range)
        }

        /// Hashes the segment and the message ID.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(segment)
            hasher.combine(id)
        }
    }

    /// The `C` lines with conversation keys not yet erased, and the `R` lines with a note not yet
    /// erased, in every segment in `directory`, for which `wanted(id, keys)` holds (an `R`
    /// line's keys: its note). Reads without opening the journal for writing.
    public static func keyedLines(directory: String, where wanted: (String, [String]) -> Bool) -> [KeyedLine] {
        let names = (try? DurableFile.listDirectory(at: directory)) ?? []
        var found: [KeyedLine] = []
        for number in names.compactMap(segmentNumber).sorted() {
            let path = segmentPath(directory, number)
            guard let bytes = try? DurableFile.readFile(at: path) else { continue }
            var start = 0
            for end in bytes.indices where bytes[end] == 0x0A {
                defer { start = end + 1 }
                let isCorrection = bytes[start] == UInt8(ascii: "R")
                guard bytes[start] == UInt8(ascii: "C") || isCorrection else { continue }
                var fields: [Range<Int>] = []
                var fieldStart = start
                for index in start...end where index == end || bytes[index] == 0x09 {
                    fields.append(fieldStart..<index)
                    fieldStart = index + 1
                }
                // `C ID TEAM QUEUE TIME KEY...`, `R ID FROM TO TIME FROM-QUEUE TO-QUEUE NOTE`.
                let firstKey = isCorrection ? 7 : 5
                guard fields.count > firstKey else { continue }
                let text = { (range: Range<Int>) in String(decoding: bytes[range], as: UTF8.self) }
                // (A correction without a note has nothing to erase.)
                let keys = fields.dropFirst(firstKey).map { (key: text($0), range: $0) }
                    .filter { !isErased($0.key) && !(isCorrection && $0.key.isEmpty) }
                let id = text(fields[1])
                guard !keys.isEmpty, wanted(id, keys.map(\.key)) else { continue }
                found.append(KeyedLine(segment: path, id: id, receivedAt: text(fields[4]), keys: keys, isCorrection: isCorrection))
            }
        }
        return found
    }

    /// Overwrites the conversation keys (or the correction's note) of `line` with ``erasedByte``s
    /// in place and fsyncs the segment: the line keeps its length, so a daemon appending to the segment meanwhile is not
    /// disturbed; the message stays committed (for dedupe), but nothing links it to its e-mail.
    /// A running daemon keeps the links it read at start in memory until it restarts. Without
    /// `sync`, the caller fsyncs the segment (once for many lines).
    public static func erase(_ line: KeyedLine, sync: Bool = true) throws(IOFailure) {
        let fd = DurableFile.openForOverwriting(line.segment)
        guard fd >= 0 else { throw IOFailure.current(.open, line.segment) }
        defer { close(fd) }
        for (_, range) in line.keys {
            try DurableFile.fill(erasedByte, count: range.count, at: range.lowerBound, in: fd, path: line.segment)
        }
        guard !sync || fsync(fd) == 0 else { throw IOFailure.current(.sync, line.segment) }
    }
}
