import Synchronization

/// A flag that says "stop taking in work"; set once, read by every worker.
public final class StopSignal: Sendable {
    private let stopped = Atomic<Bool>(false)

    /// Creates a flag that is not set.
    public init() {}

    /// Sets the flag.
    public func stop() { stopped.store(true, ordering: .releasing) }

    /// Whether the flag is set.
    public var isStopped: Bool { stopped.load(ordering: .acquiring) }
}
