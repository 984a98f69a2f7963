/// One kind of place that holds message data, as `find` and `forget` see it.
///
/// `find` asks every store in turn; stores that hold content (queues, outbox, dead letters,
/// noise, rejected input) come first, and the IDs of the items they found are handed to the
/// stores after them, which link data to messages (attachments, the journal, the receipts
/// ledger). `forget` erases in the other order, links first, so that a `forget` cut short and run
/// again still finds every link through the content that is left. A new place (an archive, say)
/// is one more conformer in ``PrivacyStores``.
public protocol PrivacyStore: Sendable {
    /// The kinds of items the store yields.
    var kinds: [StoreKind] { get }

    /// The items that concern the person of `matcher`, or belong to a message in `ids`.
    func find(_ matcher: PersonMatcher, ids: Set<String>) -> [StoredItem]

    /// Removes one item (or makes it unlinkable, for a link store); throws when it could not.
    /// An item already gone is no error. ``Erasure`` then fsyncs the item's
    /// ``StoredItem/syncTarget`` (once for many items).
    func erase(_ item: StoredItem) throws
}
