/// Names the connection a response belongs to; a ticket of a closed connection is ignored.
public struct HTTPTicket: Sendable, Hashable {
    /// The connection's descriptor.
    let fd: Int32
    /// The connection's serial number (descriptors are reused).
    let connection: UInt64
}

/// A request as the server hands it to the application, with the ticket to answer it.
public struct HTTPExchange: Sendable {
    /// The request.
    public var request: HTTPRequest
    /// The ticket for ``HTTPServer/respond(_:with:)``.
    public var ticket: HTTPTicket
}

/// What the server reports about every response it writes, for metrics.
public struct HTTPServerEvents: Sendable {
    /// Called with the status of each response, and a label when the server itself refused
    /// the request (bad framing, a limit, a timeout, too many connections).
    public var response: @Sendable (_ status: Int, _ refusal: String?) -> Void

    /// Creates the callbacks.
    public init(response: @escaping @Sendable (_ status: Int, _ refusal: String?) -> Void = { _, _ in }) {
        self.response = response
    }
}
