import Delivery
import Foundation

/// The conversation keys of the commit journal, `STATE/journal/`: the Message-IDs and receipt
/// references that link a later reply to a message, and the notes of its corrections (`R`
/// lines, in the corrector's words). A line is an item when its message concerns the person or
/// a key or note itself does (a Message-ID holding the address). Erasing overwrites the keys
/// and notes in place (``CommitJournal/erase(_:)``): the message ID stays for dedupe, unlinked.
public struct JournalStore: PrivacyStore {
    /// The journal directory.
    public let directory: String

    /// A store over the journal in `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    public var kinds: [StoreKind] { [.journal] }

    public func find(_ matcher: PersonMatcher, ids: Set<String>) -> [StoredItem] {
        let lines = CommitJournal.keyedLines(directory: directory) { id, keys in
            ids.contains(id) || id == matcher.query.value || keys.contains(where: matcher.matches)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return lines.map { line in
            StoredItem(kind: .journal, place: line.segment, id: line.id, time: formatter.date(from: line.receivedAt) ?? ISO8601DateFormatter().date(from: line.receivedAt),
                       fields: [line.isCorrection ? "correctionNote" : "conversationKeys"], location: .journalLine(line))
        }
    }

    public func erase(_ item: StoredItem) throws {
        guard case .journalLine(let line) = item.location else { throw ErasureFailure("not a journal line") }
        try CommitJournal.erase(line, sync: false)
    }
}
