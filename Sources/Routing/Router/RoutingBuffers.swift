import Text

/// Working storage of ``Router/verdict(utf8:entities:reusing:)``, kept by a caller that routes
/// many messages one after the other (such as `classify --lines`), so that each message does
/// not allocate its word streams and match lists anew.
public struct RoutingBuffers: Sendable {
    var analysis = AnalysisBuffers()
    var matches = MatchBuffers()
    /// The storage of the last message's ``Tally``.
    var signals: [TalliedSignal] = []

    /// Creates empty buffers.
    public init() {}
}
