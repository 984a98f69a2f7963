#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Tells systemd about the daemon's state over the `sd_notify` datagram protocol.
///
/// Speaks the protocol itself (no libsystemd): each notification is one datagram of
/// newline-separated `KEY=VALUE` lines sent to the `AF_UNIX` socket named by `$NOTIFY_SOCKET`,
/// a path or, with a leading `@`, an abstract socket. Without `$NOTIFY_SOCKET` (not started
/// by systemd, or `Type=` not `notify`) every call does nothing.
///
/// A socket is opened for each datagram, so the value holds no descriptor and is freely
/// shared; notifications are rare (start, reload, stop, a watchdog ping every few seconds).
public struct SystemdNotifier: Sendable {
    /// The value of `$NOTIFY_SOCKET`, or `nil` when notifications are off.
    public let socketPath: String?
    /// How often to call ``watchdog()``: half of `$WATCHDOG_USEC`, or `nil` when systemd
    /// expects no pings (unset, or `$WATCHDOG_PID` names another process).
    public let watchdogInterval: Duration?

    /// A notifier configured from `environment` (by default the process's own).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, processID: pid_t = getpid()) {
        let socket = environment["NOTIFY_SOCKET"] ?? ""
        socketPath = socket.isEmpty ? nil : socket
        watchdogInterval = Self.watchdogInterval(environment: environment, processID: processID)
    }

    /// Whether notifications are sent at all.
    public var isEnabled: Bool { socketPath != nil }

    /// Sends `state`, as `READY=1\nSTATUS=routing`, in one datagram; does nothing when off.
    public func send(_ state: String) throws(NotifyFailure) {
        guard let socketPath else { return }
        var address = try Self.address(for: socketPath)
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw NotifyFailure(socketPath: socketPath, errno: Glibc.errno) }
        defer { _ = close(fd) }
        let bytes = Array(state.utf8)
        let sent = bytes.withUnsafeBytes { buffer in
            withUnsafePointer(to: &address.storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                    sendto(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL), raw, address.length)
                }
            }
        }
        guard sent == bytes.count else {
            throw NotifyFailure(socketPath: socketPath, errno: sent < 0 ? Glibc.errno : EMSGSIZE)
        }
    }

    /// Startup is finished: `READY=1`, with a status line when given.
    public func ready(status: String? = nil) throws(NotifyFailure) {
        try send("READY=1" + (status.map { "\nSTATUS=" + Self.oneLine($0) } ?? ""))
    }

    /// A configuration reload has begun: `RELOADING=1` with the current `CLOCK_MONOTONIC`
    /// time, as `Type=notify-reload` requires. Send ``ready(status:)`` when it is done.
    public func reloading() throws(NotifyFailure) {
        try send("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())")
    }

    /// Shutdown has begun: `STOPPING=1`.
    public func stopping() throws(NotifyFailure) {
        try send("STOPPING=1")
    }

    /// A free-form status line for `systemctl status`: `STATUS=…`.
    public func status(_ text: String) throws(NotifyFailure) {
        try send("STATUS=" + Self.oneLine(text))
    }

    /// The daemon is alive: `WATCHDOG=1`. Call it every ``watchdogInterval``.
    public func watchdog() throws(NotifyFailure) {
        try send("WATCHDOG=1")
    }

    /// `CLOCK_MONOTONIC` in microseconds, the clock systemd compares reload times with.
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    /// `text` with line breaks turned into spaces, since a newline would start a new key.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    private static func watchdogInterval(environment: [String: String], processID: pid_t) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"], pid_t(pid) != processID { return nil }
        return .microseconds(Int64(clamping: usec / 2))
    }

    /// A `sockaddr_un` and its exact length for `path`: a file-system socket with its
    /// terminating NUL, or for `@name` an abstract socket whose name is the bytes after a
    /// leading NUL, with no terminator (the length delimits it).
    static func address(for path: String) throws(NotifyFailure) -> (storage: sockaddr_un, length: socklen_t) {
        var bytes = Array(path.utf8)
        let abstract = bytes.first == UInt8(ascii: "@")
        guard abstract || bytes.first == UInt8(ascii: "/") else {
            throw NotifyFailure(socketPath: path, errno: EAFNOSUPPORT)
        }
        if abstract { bytes[0] = 0 } else { bytes.append(0) }
        var storage = sockaddr_un()
        storage.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: storage.sun_path)
        guard (2...capacity).contains(bytes.count) else {
            throw NotifyFailure(socketPath: path, errno: EINVAL)
        }
        withUnsafeMutableBytes(of: &storage.sun_path) { $0.copyBytes(from: bytes) }
        let length = MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count
        return (storage, socklen_t(length))
    }
}

/// A notification that could not be sent to systemd.
public struct NotifyFailure: Error, CustomStringConvertible, Equatable, Sendable {
    /// The `$NOTIFY_SOCKET` value.
    public let socketPath: String
    /// The `errno` value of the failed call.
    public let errno: Int32

    /// Creates a failure record.
    public init(socketPath: String, errno: Int32) {
        self.socketPath = socketPath
        self.errno = errno
    }

    /// One line, as `cannot notify systemd at /run/systemd/notify: Connection refused`.
    public var description: String {
        "cannot notify systemd at \(socketPath): \(String(cString: strerror(errno)))"
    }
}
