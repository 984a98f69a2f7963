/// One outbound POST: where, what, and how the connection must be made.
public struct OutboundRequest: Sendable, Hashable {
    /// `http://` or `https://` URL.
    public var url: String
    /// Header lines, as `Name: value`.
    public var headers: [String]
    /// The request body.
    public var body: [UInt8]
    /// Transport settings.
    public var transport: HTTPTransport

    /// Creates a request.
    public init(url: String, headers: [String], body: [UInt8], transport: HTTPTransport) {
        self.url = url
        self.headers = headers
        self.body = body
        self.transport = transport
    }
}

/// How a connection is made: timeouts, TLS files, and whether connections are reused.
public struct HTTPTransport: Sendable, Hashable {
    /// Longest time to connect (TCP and TLS), in seconds.
    public var connectTimeout: Double
    /// Longest time for the whole request, in seconds.
    public var timeout: Double
    /// CA certificates (PEM) to verify the server with; `nil`: the system's.
    public var caFile: String?
    /// Client certificate (PEM) for mutual TLS.
    public var certificateFile: String?
    /// The client certificate's private key (PEM).
    public var keyFile: String?
    /// Whether connections are kept alive and reused; `false` opens a new one per request.
    public var keepAlive: Bool

    /// Creates transport settings.
    public init(connectTimeout: Double = 10, timeout: Double = 30, caFile: String? = nil,
                certificateFile: String? = nil, keyFile: String? = nil, keepAlive: Bool = true) {
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.caFile = caFile
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.keepAlive = keepAlive
    }
}
