import Foundation

/// Paces the retention sweep so that intake goes first: the sweep works in small chunks (a
/// file looked at counts 1, a removal 8, a chunk 128: at most 16 removals in a burst, so one
/// commit of the file system's journal never carries many of them) and pauses after each one.
///
/// While intake is idle the pause keeps the sweep to `duty` of its time. While intake is busy
/// (``IntakeActivity``: a message taken in within the last second) the sweep gives way: it
/// pauses at least `yieldPause` after each chunk, so it still makes progress (one chunk a
/// second) without its unlinks riding on intake's journal commits, and picks up speed as soon
/// as intake falls quiet. The sweep fsyncs each folder once at its end. The pacer is also where
/// the sweep notices that it should stop (the daemon stopping).
///
/// Not `Sendable`: one sweep owns it.
final class SweepPacer {
    private static let chunk = 128
    private static let removalWeight = 8
    private let duty: Double
    private let intake: IntakeActivity?
    private let yieldPause: Double
    private let shouldStop: () -> Bool
    private var units = 0
    private var chunkStart = Date()
    /// Set once `shouldStop` said so: the sweep leaves the rest for its next run.
    private(set) var stopped = false
    /// Chunks after which the sweep gave way to intake.
    private(set) var yields = 0

    /// A pacer that works `duty` of its time while `intake` is idle, and one chunk per
    /// `yieldPause` seconds while it is busy.
    init(duty: Double, intake: IntakeActivity? = nil, yieldPause: Double = 1, shouldStop: @escaping () -> Bool) {
        self.duty = min(1, max(0.01, duty))
        self.intake = intake
        self.yieldPause = yieldPause
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
        let idlePause = duty < 1 ? busy * (1 - duty) / duty : 0
        let yielding = intake?.isBusy() ?? false
        if yielding { yields += 1 }
        // The pause, in slices short enough for a stopping daemon to be heard at once; a pause
        // for intake ends early once intake has fallen quiet.
        let idleResume = Date().addingTimeInterval(idlePause)
        let resume = yielding ? max(idleResume, Date().addingTimeInterval(yieldPause)) : idleResume
        while !stopped, Date() < resume {
            Thread.sleep(forTimeInterval: min(0.1, max(0, resume.timeIntervalSinceNow)))
            stopped = shouldStop()
            if yielding, Date() >= idleResume, intake?.isBusy() == false { break }
        }
        chunkStart = Date()
        stopped = stopped || shouldStop()
        return !stopped
    }
}
