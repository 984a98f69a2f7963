/// A team's HTTP endpoint, with what is needed to reach it: signing key, extra headers and
/// TLS files. Peer verification is always on.
public struct Endpoint: Sendable, Hashable {
    /// `http://` or `https://` URL the message JSON is POSTed to.
    public var url: String
    /// Signs requests when the team has an `endpoint-secret`.
    public var signer: WebhookSigner?
    /// Extra header lines from `endpoint-header`.
    public var headers: [String]
    /// CA certificates (PEM) that vouch for the endpoint; `nil`: the system's.
    public var caFile: String?
    /// Client certificate (PEM) for mutual TLS.
    public var certificateFile: String?
    /// Its private key (PEM).
    public var keyFile: String?

    /// Creates an endpoint.
    public init(url: String, signer: WebhookSigner? = nil, headers: [String] = [], caFile: String? = nil,
                certificateFile: String? = nil, keyFile: String? = nil) {
        self.url = url
        self.signer = signer
        self.headers = headers
        self.caFile = caFile
        self.certificateFile = certificateFile
        self.keyFile = keyFile
    }

    /// The request that delivers message `id` with JSON `body`, sent at `timestamp` (Unix seconds).
    public func request(id: String, body: [UInt8], timestamp: Int, policy: DeliveryPolicy,
                        userAgent: String = "wegwijzer") -> OutboundRequest {
        var lines = [
            "Content-Type: application/json",
            "User-Agent: \(userAgent)",
            "Idempotency-Key: \(id)",
            "webhook-id: \(id)",
            "webhook-timestamp: \(timestamp)",
        ]
        if let signer { lines.append("webhook-signature: " + signer.signature(id: id, timestamp: timestamp, body: body)) }
        lines += headers
        let transport = HTTPTransport(
            connectTimeout: policy.connectTimeout, timeout: policy.timeout, caFile: caFile,
            certificateFile: certificateFile, keyFile: keyFile, keepAlive: policy.keepAlive)
        return OutboundRequest(url: url, headers: lines, body: body, transport: transport)
    }
}
