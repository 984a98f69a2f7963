#if canImport(Glibc)
import Glibc
#endif

/// Listening TCP sockets for `HOST:PORT` addresses.
public enum ListenSocket {
    /// A listen address that could not be opened.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// The address as configured.
        public var address: String
        /// What went wrong.
        public var reason: String
        /// `cannot listen on ADDRESS: REASON`.
        public var description: String { "cannot listen on \(address): \(reason)" }
    }

    /// Splits `HOST:PORT` (IPv6 hosts in brackets) into host and port.
    public static func split(_ address: String) -> (host: String, port: String)? {
        if address.hasPrefix("[") {
            guard let close = address.firstIndex(of: "]") else { return nil }
            let host = address[address.index(after: address.startIndex)..<close]
            let rest = address[address.index(after: close)...]
            guard rest.hasPrefix(":"), !host.isEmpty else { return nil }
            return (String(host), String(rest.dropFirst()))
        }
        guard let colon = address.lastIndex(of: ":") else { return nil }
        let host = address[..<colon]
        guard !host.isEmpty, !host.contains(":") else { return nil }
        return (String(host), String(address[address.index(after: colon)...]))
    }

    /// Opens non-blocking listening sockets on every address `address` resolves to.
    public static func open(_ address: String, backlog: Int32 = 1024) throws(Failure) -> [Int32] {
        guard let (host, port) = split(address) else { throw Failure(address: address, reason: "not HOST:PORT") }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, port, &hints, &list)
        guard status == 0, let list else {
            throw Failure(address: address, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var sockets: [Int32] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = list
        while let info = cursor {
            cursor = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
                            info.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            if info.pointee.ai_family == AF_INET6 {
                setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &one, socklen_t(MemoryLayout<Int32>.size))
            }
            guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0, listen(fd, backlog) == 0 else {
                let reason = String(cString: strerror(errno))
                close(fd)
                for open in sockets { close(open) }
                throw Failure(address: address, reason: reason)
            }
            sockets.append(fd)
        }
        guard !sockets.isEmpty else { throw Failure(address: address, reason: "no usable address") }
        return sockets
    }

    /// Makes an inherited socket non-blocking and close-on-exec.
    public static func adopt(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
}
