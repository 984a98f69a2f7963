import Corrections
import Delivery
import Foundation

extension MessagePipeline {
    /// Moves corrections through the journal this pipeline commits to: its `R` lines are
    /// appended under the journal's own lock, so its index knows the new team at once.
    var rerouter: Rerouter {
        let journal = self.journal
        return Rerouter(state: state, archive: archive) { try journal.record($0) }
    }

    /// The state folder (the journal's parent).
    var state: String { (journal.directory as NSString).deletingLastPathComponent }

    /// Finishes every correction the journal holds whose move a crash may have cut short
    /// (``Rerouter/complete(_:endpoint:now:)`` is idempotent). One that cannot be finished (a
    /// folder the daemon may not write, say) is logged and left for the next start: it must not
    /// keep the daemon from starting, nor the others from being finished.
    func finishCorrections() throws {
        let corrections = journal.corrections
        guard !corrections.isEmpty else { return }
        let rerouter = self.rerouter
        let config = routers.router.config
        let log = self.log
        try rerouter.withLock {
            for correction in corrections {
                do {
                    try rerouter.complete(correction, endpoint: config.team(named: correction.to)?.endpoint)
                } catch {
                    log.log(.error, "reroute-unfinished", ["id": correction.id, "from": correction.from, "team": correction.to,
                                                          "reason": "\(error)"])
                }
            }
        }
    }
}
