import CLinux
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// An HTTP/1.1 server on one epoll loop: it accepts, reads and frames requests, hands each
/// complete request to the application, and writes the responses in request order.
///
/// The application answers from any thread with ``respond(_:with:)``; a connection reads no
/// further request until its current one is answered, so pipelined requests are answered in
/// order. Refused framing, limits and timeouts are answered by the server itself, which then
/// closes the connection.
public final class HTTPServer: Sendable {
    private let listeners: [Int32]
    private let owned: Set<Int32>
    private let limits: HTTPLimits
    private let epoll: Int32
    private let wakeup: Int32
    private let inbox = Mutex<[(HTTPTicket, HTTPResponse)]>([])

    /// Serves on `listeners` (listening, non-blocking sockets); those in `owned` are closed
    /// when the server stops, the others (inherited from systemd) are left open.
    public init(listeners: [Int32], owned: Set<Int32>, limits: HTTPLimits) throws(ListenSocket.Failure) {
        self.listeners = listeners
        self.owned = owned
        self.limits = limits
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeup = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard epoll >= 0, wakeup >= 0 else {
            throw ListenSocket.Failure(address: "epoll", reason: String(cString: strerror(errno)))
        }
        HTTPServer.control(epoll, EPOLL_CTL_ADD, wakeup, events: EPOLLIN.rawValue)
        for fd in listeners { HTTPServer.control(epoll, EPOLL_CTL_ADD, fd, events: EPOLLIN.rawValue) }
    }

    deinit {
        close(epoll)
        close(wakeup)
    }

    /// Answers the request of `ticket`; callable from any thread.
    public func respond(_ ticket: HTTPTicket, with response: HTTPResponse) {
        // Only the first response into an empty inbox wakes the loop: it takes the whole inbox
        // after every wake-up, so later ones ride along (one syscall per batch, not per response).
        let wasEmpty = inbox.withLock { pending in
            defer { pending.append((ticket, response)) }
            return pending.isEmpty
        }
        guard wasEmpty else { return }
        var one: UInt64 = 1
        _ = write(wakeup, &one, 8)
    }

    /// Runs the loop on the calling thread until `isStopped()` turns true and every request
    /// in hand is answered (or `drainSeconds` pass). Requests read after the stop get
    /// `shutdownResponse`.
    public func run(isStopped: () -> Bool, shutdownResponse: HTTPResponse, drainSeconds: Double = 8,
                    events: HTTPServerEvents = HTTPServerEvents(), handle: @escaping (HTTPExchange) -> Void) {
        var loop = HTTPLoop(server: self, limits: limits, epoll: epoll, events: events,
                            shutdownResponse: shutdownResponse, handle: handle)
        var stopDeadline: UInt64?
        var buffer = [epoll_event](repeating: epoll_event(), count: 256)
        while true {
            let now = monotonicNanoseconds()
            if stopDeadline == nil && isStopped() {
                stopDeadline = now + UInt64(drainSeconds * 1e9)
                for fd in listeners {
                    HTTPServer.control(epoll, EPOLL_CTL_DEL, fd, events: 0)
                    if owned.contains(fd) { close(fd) }
                }
                loop.beginDrain(now: now)
            }
            if let stopDeadline, loop.isEmpty || now >= stopDeadline { break }
            let count = buffer.withUnsafeMutableBufferPointer { epoll_wait(epoll, $0.baseAddress, Int32($0.count), 50) }
            for index in 0..<max(0, Int(count)) {
                let fd = buffer[index].data.fd
                let flags = buffer[index].events
                if fd == wakeup {
                    var value: UInt64 = 0
                    _ = read(wakeup, &value, 8)
                } else if listeners.contains(fd) {
                    loop.accept(from: fd)
                } else {
                    loop.ready(fd, events: flags)
                }
            }
            loop.deliver(inbox.withLock { pending in
                defer { pending.removeAll(keepingCapacity: true) }
                return pending
            })
            loop.sweep(now: monotonicNanoseconds())
        }
        loop.closeAll()
    }

    static func control(_ epoll: Int32, _ operation: Int32, _ fd: Int32, events: UInt32) {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        _ = epoll_ctl(epoll, operation, fd, &event)
    }
}

/// `CLOCK_MONOTONIC` in nanoseconds.
func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}
