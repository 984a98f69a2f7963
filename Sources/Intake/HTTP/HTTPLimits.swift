/// Size and time limits of one listener; requests beyond them are refused.
public struct HTTPLimits: Sendable, Hashable {
    /// Longest request line in bytes; longer: 414.
    public var maxRequestLine: Int
    /// Largest header section (fields after the request line, trailers too) in bytes; larger: 431.
    public var maxHeaderBytes: Int
    /// Most header fields (trailers too); more: 431.
    public var maxHeaderFields: Int
    /// Largest body in bytes; larger: 413.
    public var maxBody: Int
    /// Seconds from the first byte of a request to the end of its header section; then 408.
    public var headerTimeout: Double
    /// Seconds from the end of the header section to the end of the body; then 408.
    public var bodyTimeout: Double
    /// Seconds a connection may wait for its next request; then 408 and close.
    public var idleTimeout: Double
    /// Most connections open at once; a connection beyond gets 503 and is closed.
    public var maxConnections: Int

    /// Creates limits; the defaults are those documented for `routing.conf`.
    public init(maxRequestLine: Int = 8192, maxHeaderBytes: Int = 32768, maxHeaderFields: Int = 100,
                maxBody: Int = 25 << 20, headerTimeout: Double = 10, bodyTimeout: Double = 60,
                idleTimeout: Double = 75, maxConnections: Int = 512) {
        self.maxRequestLine = maxRequestLine
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderFields = maxHeaderFields
        self.maxBody = maxBody
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }
}
