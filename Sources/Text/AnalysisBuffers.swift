/// Storage for the streams and words of one analysis, kept from one text to the next so that
/// analysing many short texts does not allocate them anew each time.
///
/// ``TextAnalyzer/analyze(utf8:limit:reusing:)`` takes the storage out to fill it; hand the
/// analysis back with ``recycle(_:)`` when done with it. Until then the buffers are empty (and
/// an analysis that is never handed back only costs the allocation saved).
public struct AnalysisBuffers: Sendable {
    var folded: [UInt8] = []
    var stems: [UInt8] = []
    var tokens: [TokenSpan] = []

    /// Creates empty buffers.
    public init() {}

    /// Takes back the storage of `analysis`, for the next analysis to fill.
    public mutating func recycle(_ analysis: consuming AnalyzedText) {
        folded = analysis.folded
        stems = analysis.stems
        tokens = analysis.tokens
    }
}
