/// What came of one request: a response, or a failure before a complete response.
public enum HTTPOutcome: Sendable, Hashable {
    /// The server answered.
    case response(EndpointResponse)
    /// No complete response: connection refused or reset, DNS, TLS, timeout.
    case failure(HTTPFailure)
    /// The transfer was aborted because the service is stopping; it does not count.
    case aborted

    /// The status code, for a response.
    public var status: Int? {
        if case .response(let response) = self { return response.status }
        return nil
    }
}

/// A response: status, the `Retry-After` header, and the start of the body.
public struct EndpointResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The `Retry-After` header as sent, if any.
    public var retryAfter: String?
    /// The first bytes of the body (at most ``EndpointResponse/bodyLimit``).
    public var bodyPrefix: [UInt8]

    /// How much of a response body is kept.
    public static let bodyLimit = 1024

    /// Creates a response.
    public init(status: Int, retryAfter: String? = nil, bodyPrefix: [UInt8] = []) {
        self.status = status
        self.retryAfter = retryAfter
        self.bodyPrefix = bodyPrefix
    }
}

/// A transfer that failed without a complete response.
public struct HTTPFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The libcurl error code (`CURLcode`).
    public var code: Int
    /// libcurl's explanation.
    public var message: String
    /// Whether the time limit ran out.
    public var isTimeout: Bool

    /// Creates a failure.
    public init(code: Int, message: String, isTimeout: Bool = false) {
        self.code = code
        self.message = message
        self.isTimeout = isTimeout
    }

    /// One line, as `curl error 7: Failed to connect to 127.0.0.1 port 9: Connection refused`.
    public var description: String { "curl error \(code): \(message)" }
}
