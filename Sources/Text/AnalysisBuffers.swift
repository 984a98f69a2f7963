/// Storage for the streams and words of one analysis, kept from one text to the next so that
/// analysing many short texts does not allocate them anew each time.
///
/// ``TextAnalyzer/analyze(utf8:limit:reusing:)`` takes the storage out to fill it; hand the
/// analysis back with ``recycle(_:)`` when done with it. Until then the buffers are empty (and
/// an analysis that is never handed back only costs the allocation saved). The streams' arrays
/// only grow: an analysis uses as much of them as it needs.
public struct AnalysisBuffers: Sendable {
    var folded: [UInt8] = []
    var stems: [UInt8] = []
    var tokens: [TokenSpan] = []

    /// Creates empty buffers.
    public init() {}

    /// Takes back the storage of `analysis`, for the next analysis to fill.
    public mutating func recycle(_ analysis: consuming AnalyzedText) {
        folded = analysis.foldedStorage
        stems = analysis.stemStorage
        tokens = analysis.tokenStorage
    }

    /// The array in `buffer`, at least `room` bytes long (what it held is to be overwritten),
    /// leaving `buffer` empty.
    static func take(_ buffer: inout [UInt8], room: Int) -> [UInt8] {
        var bytes = buffer
        buffer = []
        // Grown only the first time, or for a longer text than any before.
        if bytes.count < room { bytes.append(contentsOf: repeatElement(0, count: room - bytes.count)) }
        return bytes
    }
}
