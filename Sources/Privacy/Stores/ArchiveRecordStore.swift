import Archive
import Foundation
import Storage

/// The archive of routed messages, `STATE/archive/DAY.log` (`[router] archive-days`): one item
/// per message and day, holding the message's line (its subject and text) and the lines of its
/// corrections and acceptances that day. A message is an item when its subject or text concerns
/// the person or its ID is one of those found; erasing rewrites the day's segment without the
/// message's lines (``ArchiveStore/rewrite(day:without:)``, durable on its own).
public struct ArchiveRecordStore: PrivacyStore {
    /// The archive.
    public let archive: ArchiveStore

    /// A store over the archive in `directory`.
    public init(directory: String) {
        archive = ArchiveStore(directory: directory, retentionDays: 0)
    }

    public var kinds: [StoreKind] { [.archive] }

    public func find(_ matcher: PersonMatcher, ids: Set<String>) -> [StoredItem] {
        var items: [StoredItem] = []
        for day in archive.days() {
            let segment = archive.segmentPath(day: day)
            guard let bytes = try? DurableFile.readFile(at: segment) else { continue }
            // First the messages that concern the person (their lines may), then every line of those.
            var matched: [String: [String]] = [:]
            var order: [String] = []
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                let line = bytes[start..<index]
                start = index + 1
                guard let id = ArchiveLineCodec.id(of: line).map(String.init) else { continue }
                if matched[id] != nil { continue }
                var fields: [String] = []
                if ids.contains(id) || id == matcher.query.value {
                    fields = ["id"]
                } else if matcher.mayMatch(Array(line)), case .message(let record)? = ArchiveLineCodec.decode(line) {
                    if matcher.matches(record.subject) { fields.append("subject") }
                    if matcher.matches(record.text) { fields.append("text") }
                }
                guard !fields.isEmpty else { continue }
                matched[id] = fields
                order.append(id)
            }
            let time = ISO8601DateFormatter().date(from: day + "T00:00:00Z")
            items += order.map { id in
                StoredItem(kind: .archive, place: segment, id: id, time: time, fields: matched[id] ?? [],
                           location: .archiveMessage(segment: segment, day: day))
            }
        }
        return items
    }

    public func erase(_ item: StoredItem) throws {
        guard case .archiveMessage(_, let day) = item.location, let id = item.id else {
            throw ErasureFailure("not an archived message")
        }
        try archive.rewrite(day: day, without: [id])
    }

    /// The archive lines of `item`'s message in its day's segment, for an export.
    func lines(of item: StoredItem) -> [UInt8] {
        guard case .archiveMessage(let segment, _) = item.location, let id = item.id,
              let bytes = try? DurableFile.readFile(at: segment) else { return [] }
        var lines: [UInt8] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            if ArchiveLineCodec.id(of: bytes[start..<index]).map(String.init) == id { lines += bytes[start...index] }
            start = index + 1
        }
        return lines
    }
}
