/// Runs of bytes made once and written many times (escaped names and terms, JSON heads), kept in
/// one array and found by index, so that writing one reads no nested array (and retains none).
struct PreparedRuns {
    private var bytes: [UInt8] = []
    /// Where run `index` starts in `bytes`; it ends where the next one starts.
    private var starts: [Int] = [0]

    /// The number of runs.
    var count: Int { starts.count - 1 }

    /// Adds a run; its index is the `count` before.
    mutating func append(_ run: [UInt8]) {
        bytes += run
        starts.append(bytes.count)
    }

    /// Calls `body` with run `index`.
    @inline(__always)
    func withRun<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]]))
        }
    }
}
