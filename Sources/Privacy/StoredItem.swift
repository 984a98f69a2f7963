import Delivery
import Foundation
import Receipts

/// One stored item that concerns a person, as `wegwijzer find` lists it and `forget` removes it.
public struct StoredItem: Sendable {
    /// Where the item is, for its store to read, copy or erase it.
    public enum Location: Sendable {
        /// A file, with sidecars that go with it (`NAME.reason`, `NAME.meta.json`).
        case file(String, sidecars: [String])
        /// A folder and everything in it (a message's attachments).
        case folder(String)
        /// One entry of an outbox batch file: the offset of its mark and its JSON's bytes.
        case batchEntry(file: String, offset: Int, json: Range<Int>)
        /// One line of the commit journal with conversation keys.
        case journalLine(CommitJournal.KeyedLine)
        /// One line of the receipts ledger with an address hash.
        case ledgerLine(ReceiptLedger.HashedLine)
        /// A message's lines in one day's segment of the archive (the item's ID says which).
        case archiveMessage(segment: String, day: String)
    }

    /// What must be fsynced to make the item's erasure durable: the folder a file or folder was
    /// removed from, or the file that was overwritten in place.
    public var syncTarget: (path: String, isDirectory: Bool) {
        switch location {
        case .file(let path, _), .folder(let path): ((path as NSString).deletingLastPathComponent, true)
        case .batchEntry(let file, _, _): (file, false)
        case .journalLine(let line): (line.segment, false)
        case .ledgerLine(let line): (line.path, false)
        case .archiveMessage(let segment, _): ((segment as NSString).deletingLastPathComponent, true)
        }
    }

    /// The kind of place (``StoreKind``).
    public var kind: StoreKind
    /// The path of the file or folder that holds it.
    public var place: String
    /// The message ID it belongs to, when known.
    public var id: String?
    /// When it was stored (the file's modification time, or the time its line records).
    public var time: Date?
    /// The fields that matched.
    public var fields: [String]
    /// Where exactly it is.
    public var location: Location

    /// Creates an item.
    public init(kind: StoreKind, place: String, id: String?, time: Date?, fields: [String], location: Location) {
        self.kind = kind
        self.place = place
        self.id = id
        self.time = time
        self.fields = fields
        self.location = location
    }
}

/// The kinds of places that hold message data (docs/privacy.md lists them).
public enum StoreKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A message waiting in a queue's `new/`.
    case queue
    /// A message in a queue's claim folder (`cur/` and the like).
    case claimed
    /// A message's attachments, `QUEUE/attachments/ID/`.
    case attachment
    /// A pending delivery or receipt in `STATE/outbox/`.
    case outbox
    /// A dead letter in `STATE/dead/`.
    case dead
    /// An auto-reply or bounce in `STATE/noise/`.
    case noise
    /// Input a source could not route, in its `rejected/`.
    case rejected
    /// A mail a Maildir source has routed, in the Maildir's `cur/`.
    case mailbox
    /// A routed message's record in the archive, `STATE/archive/DAY.log`.
    case archive
    /// Conversation keys (Message-IDs, receipt references) in `STATE/journal/`.
    case journal
    /// An address hash in the receipts ledger, `STATE/receipts/ledger.log`.
    case receipts

    /// Kinds sort in the order of the register: queues first, link stores last.
    public static func < (a: StoreKind, b: StoreKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
