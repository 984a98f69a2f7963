import Dispatch
import Synchronization

/// When intake last took in a message, so that background work gives way to it: the pipeline
/// marks every input it takes in and every batch it commits, and the retention sweep
/// (``SweepPacer``) slows to its minimum rate while the last mark is recent.
///
/// A clock reading and one atomic store a mark, cheap enough for every message.
public final class IntakeActivity: Sendable {
    /// How long after its last mark intake counts as busy, in seconds.
    public static let quiet = 1.0
    /// `DispatchTime.now().uptimeNanoseconds` of the last mark; 0: none yet.
    private let last = Atomic<UInt64>(0)

    /// Activity with no mark yet: idle.
    public init() {}

    /// Records that intake is working now.
    public func mark() {
        last.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
    }

    /// Whether intake worked within the last `seconds` (``quiet`` unless given).
    public func isBusy(within seconds: Double = IntakeActivity.quiet) -> Bool {
        let mark = last.load(ordering: .relaxed)
        guard mark > 0 else { return false }
        let now = DispatchTime.now().uptimeNanoseconds
        return now < mark || Double(now - mark) < seconds * 1e9
    }
}
