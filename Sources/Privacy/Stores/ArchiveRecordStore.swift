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

    /// Two passes over the days: first the messages that concern the person (by their subject
    /// and text, or an ID found elsewhere), then every day's lines about them, so that a
    /// correction or acceptance filed on a later day than its message goes with it.
    public func find(_ matcher: PersonMatcher, ids: Set<String>) -> [StoredItem] {
        let days = archive.days()
        var fields: [String: [String]] = [:]
        for day in days {
            forEachLine(of: day) { id, line in
                guard fields[id] == nil else { return }
                if ids.contains(id) || id == matcher.query.value {
                    fields[id] = ["id"]
                } else if matcher.mayMatch(Array(line)), case .message(let record)? = ArchiveLineCodec.decode(line) {
                    let matched = (matcher.matches(record.subject) ? ["subject"] : []) + (matcher.matches(record.text) ? ["text"] : [])
                    if !matched.isEmpty { fields[id] = matched }
                }
            }
        }
        guard !fields.isEmpty else { return [] }
        var items: [StoredItem] = []
        for day in days {
            let segment = archive.segmentPath(day: day)
            let time = ISO8601DateFormatter().date(from: day + "T00:00:00Z")
            var listed = Set<String>()
            forEachLine(of: day) { id, _ in
                guard let matched = fields[id], listed.insert(id).inserted else { return }
                items.append(StoredItem(kind: .archive, place: segment, id: id, time: time, fields: matched,
                                        location: .archiveMessage(segment: segment, day: day)))
            }
        }
        return items
    }

    /// Calls `body` with the message ID and the bytes of every line of `day`'s segment.
    private func forEachLine(of day: String, _ body: (String, ArraySlice<UInt8>) -> Void) {
        guard let bytes = try? DurableFile.readFile(at: archive.segmentPath(day: day)) else { return }
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            let line = bytes[start..<index]
            start = index + 1
            if let id = ArchiveLineCodec.id(of: line) { body(String(id), line) }
        }
    }

    public func erase(_ item: StoredItem) throws {
        guard case .archiveMessage(_, let day) = item.location, let id = item.id else {
            throw ErasureFailure("not an archived message")
        }
        try archive.rewrite(day: day, without: [id])
    }

    /// The archive lines of `item`'s message in its day's segment, for an export.
    func lines(of item: StoredItem) -> [UInt8] {
        guard case .archiveMessage(_, let day) = item.location, let id = item.id else { return [] }
        var lines: [UInt8] = []
        forEachLine(of: day) { lineID, line in
            if lineID == id { lines += line + [0x0A] }
        }
        return lines
    }
}
