#if canImport(Glibc)
import Glibc
#endif
import Storage

extension ReceiptLedger {
    /// One ledger line whose address hash is still there, for erasure.
    public struct HashedLine: Sendable, Hashable {
        /// The ledger file.
        public var path: String
        /// The message ID of the line.
        public var id: String
        /// When the decision was made, in Unix seconds.
        public var time: Double
        /// The byte range of the address hash in the file.
        public var range: Range<Int>
    }

    /// The lines of the ledger in `directory` whose hash is not erased and for which
    /// `wanted(id, hash)` holds. Reads without opening the ledger for writing.
    public static func hashedLines(directory: String, where wanted: (String, String) -> Bool) -> [HashedLine] {
        let path = directory + "/ledger.log"
        guard let bytes = try? DurableFile.readFile(at: path) else { return [] }
        var found: [HashedLine] = []
        var start = 0
        for end in bytes.indices where bytes[end] == 0x0A {
            defer { start = end + 1 }
            var fields: [Range<Int>] = []
            var fieldStart = start
            for index in start...end where index == end || bytes[index] == 0x09 {
                fields.append(fieldStart..<index)
                fieldStart = index + 1
            }
            guard fields.count == 4 else { continue }
            let text = { (range: Range<Int>) in String(decoding: bytes[range], as: UTF8.self) }
            let hash = text(fields[2])
            guard !hash.allSatisfy({ $0 == "-" }), wanted(text(fields[1]), hash) else { continue }
            found.append(HashedLine(path: path, id: text(fields[1]), time: Double(text(fields[3])) ?? 0, range: fields[2]))
        }
        return found
    }

    /// Overwrites the address hash of `line` with `-` in place and fsyncs the ledger: the line
    /// keeps its length (a running daemon appends to the file meanwhile) and no longer links the
    /// decision to an address. A running daemon keeps the hash in memory for its limit until it
    /// restarts. Without `sync`, the caller fsyncs the ledger (once for many lines).
    public static func erase(_ line: HashedLine, sync: Bool = true) throws(IOFailure) {
        let fd = DurableFile.openForOverwriting(line.path)
        guard fd >= 0 else { throw IOFailure.current(.open, line.path) }
        defer { close(fd) }
        try DurableFile.fill(UInt8(ascii: "-"), count: line.range.count, at: line.range.lowerBound, in: fd, path: line.path)
        guard !sync || fsync(fd) == 0 else { throw IOFailure.current(.sync, line.path) }
    }
}
