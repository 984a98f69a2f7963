/// Bounds that keep parsing of hostile or broken input cheap in time and memory.
///
/// Exceeding any of them makes ``MailParser/parse(_:limits:)`` throw
/// ``MailError/limitExceeded(_:)`` with a reason that names the limit.
public struct MailLimits: Sendable, Hashable {
    /// Largest accepted message, in bytes.
    public var maxBytes: Int
    /// Most MIME parts (every node of the part tree, the root included).
    public var maxParts: Int
    /// Deepest nesting of multiparts and embedded messages (the root is depth 0).
    public var maxDepth: Int
    /// Largest header section of any one part or embedded message, in bytes.
    public var maxHeaderBytes: Int

    /// Creates limits; every value defaults to the one of ``default``.
    public init(
        maxBytes: Int = 25 * 1024 * 1024,
        maxParts: Int = 1000,
        maxDepth: Int = 30,
        maxHeaderBytes: Int = 1024 * 1024
    ) {
        self.maxBytes = maxBytes
        self.maxParts = maxParts
        self.maxDepth = maxDepth
        self.maxHeaderBytes = maxHeaderBytes
    }

    /// 25 MiB, 1000 parts, depth 30, 1 MiB of headers per part.
    public static let `default` = MailLimits()
}
