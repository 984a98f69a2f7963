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
    /// (``Rerouter/complete(_:endpoint:now:)`` is idempotent).
    func finishCorrections() throws {
        let corrections = journal.corrections
        guard !corrections.isEmpty else { return }
        let rerouter = self.rerouter
        let config = routers.router.config
        try rerouter.withLock {
            for correction in corrections {
                try rerouter.complete(correction, endpoint: config.team(named: correction.to)?.endpoint)
            }
        }
    }
}
