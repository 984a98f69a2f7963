import Foundation
import Storage

/// Paces the retention sweep's removals so that intake goes first: after every `chunk`
/// removals the folder is fsynced (which bounds the metadata the file system's journal holds
/// when intake fsyncs) and the sweep sleeps, so that it removes during at most `duty` of its
/// time. It is also where the sweep notices that it should stop (the daemon stopping).
///
/// Not `Sendable`: one sweep owns it.
final class SweepPacer {
    private let chunk: Int
    private let duty: Double
    private let shouldStop: () -> Bool
    private var count = 0
    private var chunkStart = Date()
    /// Set once `shouldStop` said so: the sweep leaves the rest for its next run.
    private(set) var stopped = false

    init(chunk: Int = 256, duty: Double, shouldStop: @escaping () -> Bool) {
        self.chunk = chunk
        self.duty = min(1, max(0.01, duty))
        self.shouldStop = shouldStop
    }

    /// Counts one removal in `directory`, pausing after a chunk; returns whether to go on.
    func removed(in directory: String) -> Bool {
        count += 1
        guard count >= chunk else { return !stopped }
        count = 0
        try? DurableFile.syncDirectory(at: directory)
        let busy = Date().timeIntervalSince(chunkStart)
        if duty < 1 { Thread.sleep(forTimeInterval: busy * (1 - duty) / duty) }
        chunkStart = Date()
        stopped = stopped || shouldStop()
        return !stopped
    }
}
