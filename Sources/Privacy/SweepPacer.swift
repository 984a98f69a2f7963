import Foundation

/// Paces the retention sweep so that intake goes first: the sweep works in small chunks (a
/// file looked at counts 1, a removal 8, a chunk 128: at most 16 removals in a burst, so one
/// commit of the file system's journal never carries many of them) and after each one it sleeps,
/// so that it works during at most `duty` of its time. The sweep fsyncs each folder once at its
/// end. The pacer is also where the sweep notices that it should stop (the daemon stopping).
///
/// Not `Sendable`: one sweep owns it.
final class SweepPacer {
    private static let chunk = 128
    private static let removalWeight = 8
    private let duty: Double
    private let shouldStop: () -> Bool
    private var units = 0
    private var chunkStart = Date()
    /// Set once `shouldStop` said so: the sweep leaves the rest for its next run.
    private(set) var stopped = false

    init(duty: Double, shouldStop: @escaping () -> Bool) {
        self.duty = min(1, max(0.01, duty))
        self.shouldStop = shouldStop
    }

    /// Counts one file looked at (a `stat`); returns whether to go on.
    func examined() -> Bool {
        add(1)
    }

    /// Counts one removal; returns whether to go on.
    func removed() -> Bool {
        add(Self.removalWeight)
    }

    private func add(_ weight: Int) -> Bool {
        units += weight
        guard units >= Self.chunk else { return !stopped }
        units = 0
        let busy = Date().timeIntervalSince(chunkStart)
        // The pause, in slices short enough for a stopping daemon to be heard at once.
        let resume = Date().addingTimeInterval(duty < 1 ? busy * (1 - duty) / duty : 0)
        while !stopped, Date() < resume {
            Thread.sleep(forTimeInterval: min(0.1, resume.timeIntervalSinceNow))
            stopped = shouldStop()
        }
        chunkStart = Date()
        stopped = stopped || shouldStop()
        return !stopped
    }
}
