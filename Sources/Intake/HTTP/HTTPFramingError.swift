/// A request that cannot be read safely. The connection is answered with ``status`` and closed.
public struct HTTPFramingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The status to answer: 400, 408, 413, 414, 417, 431, 501 or 505.
    public var status: Int
    /// A short label for metrics, as `bad-framing` or `header-too-large`.
    public var label: String
    /// What was wrong, in one line (sent in the error body).
    public var detail: String

    /// Creates an error.
    public init(status: Int, label: String, detail: String) {
        self.status = status
        self.label = label
        self.detail = detail
    }

    /// A 400 for bad framing or syntax.
    static func bad(_ detail: String) -> HTTPFramingError {
        HTTPFramingError(status: 400, label: "bad-framing", detail: detail)
    }

    /// `STATUS detail`.
    public var description: String { "\(status) \(detail)" }

    /// The response: a JSON error, and the connection closed.
    public var response: HTTPResponse {
        .error(status, detail, close: true)
    }
}
