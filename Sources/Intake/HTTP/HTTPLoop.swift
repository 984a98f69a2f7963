import CLinux
#if canImport(Glibc)
import Glibc
#endif

/// The state of a server's loop: the connections and what to do with their events.
/// Confined to the loop's thread.
struct HTTPLoop {
    private let server: HTTPServer
    private let limits: HTTPLimits
    private let epoll: Int32
    private let events: HTTPServerEvents
    private let shutdownResponse: HTTPResponse
    private let handle: (HTTPExchange) -> Void
    private var connections: [Int32: HTTPConnection] = [:]
    private var serial: UInt64 = 0
    private var draining = false
    private var lastSweep: UInt64 = 0
    /// Listeners taken out of epoll while the process is out of descriptors, and when to take
    /// them back: a level-triggered listener whose accept fails would wake the loop endlessly.
    private var pausedListeners: [Int32: UInt64] = [:]
    private var chunk = [UInt8](repeating: 0, count: 65536)

    /// Bytes of pipelined requests read ahead while a request is with the application.
    static let readAhead = 256 << 10
    /// How long a closing connection is drained of late input.
    static let lingerNanoseconds: UInt64 = 2_000_000_000

    init(server: HTTPServer, limits: HTTPLimits, epoll: Int32, events: HTTPServerEvents,
         shutdownResponse: HTTPResponse, handle: @escaping (HTTPExchange) -> Void) {
        self.server = server
        self.limits = limits
        self.epoll = epoll
        self.events = events
        self.shutdownResponse = shutdownResponse
        self.handle = handle
    }

    var isEmpty: Bool { connections.isEmpty }

    mutating func accept(from listener: Int32) {
        while true {
            let fd = accept4(listener, nil, nil, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
            guard fd >= 0 else {
                if [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(errno), !draining {
                    HTTPServer.control(epoll, EPOLL_CTL_DEL, listener, events: 0)
                    pausedListeners[listener] = monotonicNanoseconds() + Self.acceptPauseNanoseconds
                }
                return
            }
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if connections.count >= limits.maxConnections {
                let bytes = HTTPResponse.error(503, "too many connections", headers: [HTTPField("Retry-After", "1")], close: true)
                    .serialized(keepAlive: false)
                _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                shutdown(fd, Int32(SHUT_WR))
                close(fd)
                events.response(503, "too-many-connections")
                continue
            }
            serial += 1
            let connection = HTTPConnection(fd: fd, serial: serial, limits: limits, now: monotonicNanoseconds())
            connections[fd] = connection
            update(connection)
        }
    }

    mutating func ready(_ fd: Int32, events flags: UInt32) {
        guard let connection = connections[fd] else { return }
        // Hung up or reset: no response can reach the peer any more.
        if flags & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 {
            remove(connection)
            return
        }
        if flags & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0 {
            guard receive(connection) else { return }
        }
        if connection.phase != .lingering { process(connection) }
        guard flush(connection) else { return }
        finishIfDone(connection)
    }

    /// Reads what is there; false when the connection was closed.
    private mutating func receive(_ connection: HTTPConnection) -> Bool {
        while true {
            if connection.phase != .lingering && connection.phase == .busy && connection.parser.bufferedCount >= Self.readAhead {
                return true
            }
            let count = chunk.withUnsafeMutableBytes { recv(connection.fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                if connection.phase != .lingering && !connection.closing {
                    connection.parser.append(chunk[0..<count])
                }
                if count < chunk.count { return true }
                continue
            }
            if count == 0 {
                connection.readClosed = true
                if connection.phase == .lingering { remove(connection); return false }
                return true
            }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return true }
            remove(connection)
            return false
        }
    }

    /// Takes requests from the buffer while none is with the application.
    private mutating func process(_ connection: HTTPConnection) {
        let now = monotonicNanoseconds()
        while connection.phase != .busy && !connection.closing {
            switch connection.parser.next() {
            case .needMore:
                connection.updatePhase(now: now)
                if connection.readClosed { connection.closing = true }
                return
            case .continueExpected:
                connection.output.append(contentsOf: Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
            case .failure(let error):
                connection.queue(error.response, keepAlive: false)
                events.response(error.status, error.label)
            case .request(let request):
                connection.keepAlive = request.keepAlive
                if draining {
                    connection.queue(shutdownResponse, keepAlive: false)
                    events.response(shutdownResponse.status, "shutting-down")
                } else {
                    connection.enter(.busy, now: now)
                    handle(HTTPExchange(request: request, ticket: connection.ticket))
                }
            }
        }
    }

    /// Writes the responses the application finished.
    mutating func deliver(_ responses: [(HTTPTicket, HTTPResponse)]) {
        for (ticket, response) in responses {
            guard let connection = connections[ticket.fd], connection.serial == ticket.connection,
                  connection.phase == .busy else { continue }
            connection.queue(response, keepAlive: connection.keepAlive && !draining)
            events.response(response.status, nil)
            let now = monotonicNanoseconds()
            connection.enter(.idle, now: now)
            connection.updatePhase(now: now)
            process(connection)
            guard flush(connection) else { continue }
            finishIfDone(connection)
        }
    }

    /// Sends pending output; false when the connection was closed.
    private mutating func flush(_ connection: HTTPConnection) -> Bool {
        while connection.hasOutput {
            let sent = connection.output.withUnsafeBytes { raw in
                send(connection.fd, raw.baseAddress! + connection.outputOffset, raw.count - connection.outputOffset,
                     Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                connection.outputOffset += sent
                connection.lastWrite = monotonicNanoseconds()
                continue
            }
            if sent < 0 && errno == EINTR { continue }
            if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { break }
            remove(connection)
            return false
        }
        if !connection.hasOutput {
            connection.output.removeAll(keepingCapacity: true)
            connection.outputOffset = 0
        }
        update(connection)
        return true
    }

    /// Starts the lingering close of a connection that is done.
    private mutating func finishIfDone(_ connection: HTTPConnection) {
        guard connection.closing, !connection.hasOutput, connection.phase != .busy, connection.phase != .lingering else { return }
        if connection.readClosed {
            remove(connection)
            return
        }
        shutdown(connection.fd, Int32(SHUT_WR))
        connection.enter(.lingering, now: monotonicNanoseconds())
        update(connection)
    }

    /// How long accepting pauses when the process is out of descriptors or memory.
    static let acceptPauseNanoseconds: UInt64 = 100_000_000

    /// Takes paused listeners back; applies the timeouts, at most every 50 ms.
    mutating func sweep(now: UInt64) {
        for (listener, until) in pausedListeners where now >= until && !draining {
            HTTPServer.control(epoll, EPOLL_CTL_ADD, listener, events: EPOLLIN.rawValue)
            pausedListeners.removeValue(forKey: listener)
        }
        guard now - lastSweep >= 50_000_000 else { return }
        lastSweep = now
        for connection in Array(connections.values) {
            let age = now > connection.since ? now - connection.since : 0
            let elapsed = Double(age) / 1e9
            if connection.phase == .lingering {
                if age >= (draining ? Self.lingerNanoseconds / 4 : Self.lingerNanoseconds) { remove(connection) }
                continue
            }
            if connection.hasOutput {
                // A client that does not read its responses is dropped like an idle one.
                let stalled = Double(now > connection.lastWrite ? now - connection.lastWrite : 0) / 1e9
                if stalled > max(limits.bodyTimeout, limits.idleTimeout) { remove(connection) }
                continue
            }
            let limit: Double? = switch connection.phase {
            case .idle: limits.idleTimeout
            case .head: limits.headerTimeout
            case .body: limits.bodyTimeout
            case .busy, .lingering: nil
            }
            guard let limit, elapsed >= limit, !connection.closing else { continue }
            connection.queue(.error(408, "request timeout", close: true), keepAlive: false)
            // An idle kept-alive connection timing out refused nothing: it is not a rejection.
            events.response(408, connection.phase == .idle ? nil : "timeout-\(connection.phase)")
            guard flush(connection) else { continue }
            finishIfDone(connection)
        }
    }

    /// Stops reading new requests: idle connections close, the rest finish what is in hand.
    mutating func beginDrain(now: UInt64) {
        draining = true
        pausedListeners.removeAll()
        for connection in Array(connections.values) {
            switch connection.phase {
            case .idle where !connection.hasOutput:
                remove(connection)
            case .idle, .head, .body:
                connection.closing = true
                finishIfDone(connection)
            case .busy, .lingering:
                break
            }
        }
    }

    mutating func closeAll() {
        for connection in Array(connections.values) { remove(connection) }
    }

    private mutating func remove(_ connection: HTTPConnection) {
        HTTPServer.control(epoll, EPOLL_CTL_DEL, connection.fd, events: 0)
        close(connection.fd)
        connections.removeValue(forKey: connection.fd)
    }

    /// Registers the events the connection needs now.
    private func update(_ connection: HTTPConnection) {
        var wanted: UInt32 = 0
        let reading = connection.phase == .lingering
            || (!connection.closing && !connection.readClosed
                && (connection.phase != .busy || connection.parser.bufferedCount < Self.readAhead))
        if reading { wanted |= EPOLLIN.rawValue | EPOLLRDHUP.rawValue }
        if connection.hasOutput { wanted |= EPOLLOUT.rawValue }
        guard wanted != connection.interest else { return }
        let operation = connection.interest == 0 && !connection.registered ? EPOLL_CTL_ADD : EPOLL_CTL_MOD
        HTTPServer.control(epoll, operation, connection.fd, events: wanted)
        connection.interest = wanted
        connection.registered = true
    }
}
