import Text

/// Working storage of ``Router/verdict(utf8:entities:reusing:)``, kept by a caller that routes
/// many messages one after the other (such as `classify --lines`), so that each message does
/// not allocate its word streams and match lists anew.
public struct RoutingBuffers: Sendable {
    var analysis = AnalysisBuffers()
    var matches = MatchBuffers()
    /// The storage of the last message's ``Tally``.
    var signals: [TalliedSignal] = []
    /// The storage of the last verdict's ``Verdict/hits``, once handed back by ``recycle(_:)``.
    var hits: [SignalHit] = []

    /// Creates empty buffers.
    public init() {}

    /// Takes back the storage of `verdict` (a verdict made with these buffers and no longer
    /// needed), for the next message's verdict.
    public mutating func recycle(_ verdict: consuming Verdict) {
        swap(&hits, &verdict.hits)
    }
}
