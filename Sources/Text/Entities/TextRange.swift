/// A half-open range of UTF-8 byte offsets into the text an entity was found in.
///
/// Offsets count bytes of `text.utf8`, so `text.utf8.dropFirst(start).prefix(end - start)`
/// yields the matched bytes exactly as written.
public struct TextRange: Sendable, Hashable {
    /// Offset of the first byte of the match.
    public var start: Int
    /// Offset just past the last byte of the match.
    public var end: Int

    /// Creates a range from `start` up to, not including, `end`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The number of bytes covered.
    public var count: Int { end - start }

    /// Whether the two ranges share at least one byte.
    public func overlaps(_ other: TextRange) -> Bool {
        start < other.end && other.start < end
    }
}
