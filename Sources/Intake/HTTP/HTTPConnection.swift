/// One client connection, owned by the server's loop thread.
final class HTTPConnection {
    /// What the connection waits for; each has its own timeout.
    enum Phase: Equatable {
        case idle, head, body
        /// A request is with the application.
        case busy
        /// The response is sent and the write side shut; reading what is left before closing.
        case lingering
    }

    let fd: Int32
    let serial: UInt64
    var parser: HTTPRequestParser
    var output: [UInt8] = []
    var outputOffset = 0
    /// Whether the last request asked to keep the connection.
    var keepAlive = true
    /// No further request is read: close once the output is sent.
    var closing = false
    /// The peer sent EOF.
    var readClosed = false
    var phase = Phase.idle
    /// When the current phase began (monotonic nanoseconds).
    var since: UInt64
    /// When output last made progress.
    var lastWrite: UInt64
    /// The events registered with epoll.
    var interest: UInt32 = 0
    /// Whether the descriptor is in the epoll set.
    var registered = false

    init(fd: Int32, serial: UInt64, limits: HTTPLimits, now: UInt64) {
        self.fd = fd
        self.serial = serial
        parser = HTTPRequestParser(limits: limits)
        since = now
        lastWrite = now
    }

    var ticket: HTTPTicket { HTTPTicket(fd: fd, connection: serial) }
    var hasOutput: Bool { outputOffset < output.count }

    /// Appends a response; `keepAlive: false` makes it the last one.
    func queue(_ response: HTTPResponse, keepAlive: Bool) {
        let keep = keepAlive && !response.closeConnection
        output.append(contentsOf: response.serialized(keepAlive: keep))
        if !keep { closing = true }
    }

    /// Moves to the phase the parser is in (unless busy or lingering), restarting its clock on a change.
    func updatePhase(now: UInt64) {
        guard phase != .busy, phase != .lingering else { return }
        let current: Phase = switch parser.phase {
        case .idle: .idle
        case .head: .head
        case .body: .body
        }
        if current != phase {
            phase = current
            since = now
        }
    }

    func enter(_ next: Phase, now: UInt64) {
        phase = next
        since = now
    }
}
