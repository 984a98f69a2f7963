import Delivery
import Foundation
import Receipts

/// The receipts ledger, `STATE/receipts/ledger.log`: per receipt decision the SHA-256 of the
/// address. A line is an item when its message concerns the person, or (an e-mail query) its
/// hash is that of the address. Erasing overwrites the hash in place (``ReceiptLedger/erase(_:)``).
public struct ReceiptLedgerStore: PrivacyStore {
    /// The ledger's directory, `STATE/receipts`.
    public let directory: String

    /// A store over the ledger in `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    public var kinds: [StoreKind] { [.receipts] }

    public func find(_ matcher: PersonMatcher, ids: Set<String>) -> [StoredItem] {
        let hash = matcher.query.kind == .email ? ReceiptLedger.hash(matcher.query.value) : nil
        let lines = ReceiptLedger.hashedLines(directory: directory) { id, lineHash in
            ids.contains(id) || id == matcher.query.value || lineHash == hash
        }
        return lines.map { line in
            StoredItem(kind: .receipts, place: line.path, id: line.id, time: Date(timeIntervalSince1970: line.time),
                       fields: [ids.contains(line.id) || line.id == matcher.query.value ? "id" : "addressHash"],
                       location: .ledgerLine(line))
        }
    }

    public func erase(_ item: StoredItem) throws {
        guard case .ledgerLine(let line) = item.location else { throw ErasureFailure("not a ledger line") }
        try ReceiptLedger.erase(line, sync: false)
    }
}
