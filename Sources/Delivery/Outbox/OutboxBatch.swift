import Foundation
import Synchronization

/// The format of a batch file, `STATE/outbox/NAME.batch`: the records of many pending deliveries
/// in one file, written at once (one commit's, or one `wegwijzer retry`'s).
///
/// Each record is one entry: a mark byte, `P` (pending) or `D` (done), a space, the length of
/// the record's JSON in decimal, a space, the JSON, and a newline. A delivered entry is marked
/// done by overwriting its mark in place, which frees no blocks and changes no directory; the
/// file is removed once every entry is done.
public enum OutboxBatch {
    /// The suffix of batch files.
    public static let suffix = ".batch"
    /// The mark of an entry still to be delivered.
    public static let pending = UInt8(ascii: "P")
    /// The mark of an entry delivered, put away or superseded.
    public static let done = UInt8(ascii: "D")

    /// Where one entry's mark is: the batch file's name and the mark's byte offset.
    public struct Line: Sendable, Hashable {
        /// The batch file's name in the outbox (`NAME.batch`).
        public var batch: String
        /// The offset of the entry's mark byte.
        public var offset: Int

        /// Creates a location.
        public init(batch: String, offset: Int) {
            self.batch = batch
            self.offset = offset
        }
    }

    /// One entry as read back.
    public struct Entry: Sendable {
        /// Where it is.
        public var line: Line
        /// Whether its mark says done.
        public var isDone: Bool
        /// The record, or why it could not be read.
        public var record: Result<OutboxRecord, RecordFormatError>
    }

    /// The bytes of a batch of `records`, and the offset of each entry's mark.
    public static func encode(_ records: [OutboxRecord]) -> (bytes: [UInt8], offsets: [Int]) {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        offsets.reserveCapacity(records.count)
        for record in records {
            let json = record.encoded()
            offsets.append(bytes.count)
            bytes.append(pending)
            bytes.append(contentsOf: " \(json.count) ".utf8)
            bytes.append(contentsOf: json)
            bytes.append(UInt8(ascii: "\n"))
        }
        return (bytes, offsets)
    }

    /// The entries of the batch file `name` with contents `bytes`. A damaged tail (a file cut
    /// short) ends the list with one unreadable entry.
    public static func decode(_ bytes: [UInt8], name: String) -> [Entry] {
        var entries: [Entry] = []
        var offset = 0
        while offset < bytes.count {
            let line = Line(batch: name, offset: offset)
            guard let (json, next) = frame(bytes, at: offset) else {
                entries.append(Entry(line: line, isDone: false, record: .failure(RecordFormatError(reason: "a damaged batch entry"))))
                break
            }
            let record = Result { () throws(RecordFormatError) in try OutboxRecord.decode(Array(bytes[json])) }
            entries.append(Entry(line: line, isDone: bytes[offset] == done, record: record))
            offset = next
        }
        return entries
    }

    /// The range of the JSON of the entry at `offset`, and where the next entry starts; `nil`
    /// when the bytes there are not a whole entry.
    public static func frame(_ bytes: [UInt8], at offset: Int) -> (json: Range<Int>, next: Int)? {
        guard offset + 4 <= bytes.count, bytes[offset] == pending || bytes[offset] == done,
              bytes[offset + 1] == UInt8(ascii: " ") else { return nil }
        var index = offset + 2
        var length = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"), index - offset < 14 {
            length = length * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard index > offset + 2, index < bytes.count, bytes[index] == UInt8(ascii: " ") else { return nil }
        let start = index + 1
        guard length <= bytes.count - start - 1, bytes[start + length] == UInt8(ascii: "\n") else { return nil }
        return (start..<start + length, start + length + 1)
    }

    /// A new batch file name, unique across processes: the time, the process ID and a counter.
    public static func newName(now: Date = Date()) -> String {
        let count = counter.add(1, ordering: .relaxed).newValue
        let nanoseconds = UInt64(now.timeIntervalSince1970 * 1e9)
        return "\(nanoseconds)-\(getpid())-\(count)" + suffix
    }

    private static let counter = Atomic<Int>(0)
}
