#if canImport(Glibc)
import Glibc
#endif
import Delivery
import Storage

/// `wegwijzer forget`: erases the items ``PersonSearch`` found, in a safe order, and writes the
/// audit line.
///
/// Link stores (journal, receipts ledger, attachments found by ID) go first, content last, so
/// that a run cut short (kill -9) and run again still finds every link through the content left.
/// The outbox and the dead letters are erased holding the ``ErasureLock`` exclusively: a
/// delivery in flight finishes first, and none starts for an erased record afterwards. A failure
/// is reported per item; the rest goes on.
public enum Erasure {
    /// What an erasure did.
    public struct Report: Sendable {
        /// Items erased, by kind.
        public var counts: [StoreKind: Int] = [:]
        /// The items that could not be erased: place and reason.
        public var failures: [String] = []
    }

    /// Kinds whose items delivery workers also write.
    static let lockedKinds: Set<StoreKind> = [.outbox, .dead]

    /// Erases `found` (what ``PersonSearch/find(_:in:)`` found for `query` in `stores`) and
    /// records the audit line in `state`. The outbox and the dead letters are searched again
    /// holding the lock: a record may have moved meanwhile (a retry writes `ID.json`, a last
    /// failure a dead letter).
    public static func run(_ found: [PersonSearch.Found], query: PersonQuery, stores: [any PrivacyStore],
                           state: String) -> Report {
        var report = Report()
        let ids = Set(found.compactMap(\.item.id)).union(query.kind == .id ? [query.value] : [])
        let links = found.filter { !isContent($0.item.kind) }
        let unlocked = found.filter { isContent($0.item.kind) && !lockedKinds.contains($0.item.kind) }
        erase(links, into: &report)
        ErasureLock(state: state, create: false).exclusive {
            let matcher = PersonMatcher(query)
            let locked = stores.filter { !Set($0.kinds).isDisjoint(with: lockedKinds) }.flatMap { store in
                store.find(matcher, ids: ids).map { PersonSearch.Found(item: $0, store: store) }
            }
            erase(locked, into: &report)
        }
        erase(unlocked, into: &report)
        do {
            try AuditLog.record(state: state, kind: query.kind, counts: report.counts, failures: report.failures.count)
        } catch {
            report.failures.append("\(state)/\(AuditLog.name): \(error)")
        }
        return report
    }

    /// Whether items of `kind` hold content (as opposed to links to it).
    static func isContent(_ kind: StoreKind) -> Bool {
        ![.journal, .receipts, .attachment].contains(kind)
    }

    /// Erases `found`, then fsyncs each folder and file they changed, once; an item counts as
    /// erased once its change is synced.
    private static func erase(_ found: [PersonSearch.Found], into report: inout Report) {
        var pending: [String: (isDirectory: Bool, kinds: [StoreKind])] = [:]
        for entry in found {
            do {
                try entry.store.erase(entry.item)
                let target = entry.item.syncTarget
                pending[target.path, default: (target.isDirectory, [])].kinds.append(entry.item.kind)
            } catch {
                report.failures.append("\(entry.item.place): \(error)")
            }
        }
        for (path, target) in pending.sorted(by: { $0.key < $1.key }) {
            do {
                if target.isDirectory { try DurableFile.syncDirectory(at: path) } else { try DurableFile.syncFile(at: path) }
                for kind in target.kinds { report.counts[kind, default: 0] += 1 }
            } catch where error.errno == ENOENT {
                for kind in target.kinds { report.counts[kind, default: 0] += 1 }  // removed whole meanwhile
            } catch {
                report.failures.append("\(path): \(error)")
            }
        }
    }
}
