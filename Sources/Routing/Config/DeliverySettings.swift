/// The `[router]` keys of endpoint delivery, as read from the file. Times are in seconds.
public struct DeliverySettings: Sendable, Hashable {
    /// `delivery-workers`.
    public var workers: Int = 8
    /// `connect-timeout`.
    public var connectTimeout: Double = 10
    /// `timeout`.
    public var timeout: Double = 30
    /// `retry-base`.
    public var retryBase: Double = 1
    /// `retry-cap`.
    public var retryCap: Double = 1800
    /// `max-attempts`.
    public var maxAttempts: Int = 250
    /// `max-age`.
    public var maxAge: Double = 48 * 3600
    /// `max-in-flight`, per endpoint.
    public var maxInFlight: Int = 4
    /// `keep-alive`.
    public var keepAlive: Bool = true

    /// Settings with every documented default.
    public init() {}
}

/// A team's `endpoint-*` files, as written (relative to `[router] state`).
public struct EndpointFiles: Sendable, Hashable {
    /// `endpoint-secret`: the Standard Webhooks secret.
    public var secret: String?
    /// `endpoint-header`: extra headers.
    public var header: String?
    /// `endpoint-ca`: CA certificates.
    public var ca: String?
    /// `endpoint-cert`: client certificate.
    public var certificate: String?
    /// `endpoint-key`: its private key.
    public var key: String?

    /// Creates the set; all absent by default.
    public init(secret: String? = nil, header: String? = nil, ca: String? = nil, certificate: String? = nil,
                key: String? = nil) {
        self.secret = secret
        self.header = header
        self.ca = ca
        self.certificate = certificate
        self.key = key
    }
}
