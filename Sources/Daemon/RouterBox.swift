import Routing
import Synchronization

/// The router in force; `SIGHUP` swaps in a new one while work goes on with the old.
public final class RouterBox: Sendable {
    private let current: Mutex<Router>

    /// Holds `router`.
    public init(_ router: Router) {
        current = Mutex(router)
    }

    /// The router to use for the next batch.
    public var router: Router { current.withLock { $0 } }

    /// Puts a new router in force.
    public func replace(with router: Router) {
        current.withLock { $0 = router }
    }
}
