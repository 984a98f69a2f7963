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

    /// The address a socket is bound to, as `HOST:PORT` (`[HOST]:PORT` for IPv6, the path for a
    /// Unix socket), and whether only this machine can reach it (loopback, or a Unix socket).
    public static func boundAddress(_ fd: Int32) -> (address: String, isLocal: Bool)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let got = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard got == 0 else { return nil }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    let host = UInt32(bigEndian: address.pointee.sin_addr.s_addr)
                    let text = [24, 16, 8, 0].map { String(host >> UInt32($0) & 0xFF) }.joined(separator: ".")
                    return (text + ":" + String(UInt16(bigEndian: address.pointee.sin_port)), host >> 24 == 127)
                }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var host = address.pointee.sin6_addr
                    var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
                    inet_ntop(AF_INET6, &host, &text, socklen_t(text.count))
                    let bytes = withUnsafeBytes(of: &host) { Array($0) }
                    let loopback = bytes == [UInt8](repeating: 0, count: 15) + [1]
                    let mappedLoopback = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
                    let port = String(UInt16(bigEndian: address.pointee.sin6_port))
                    let name = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                    return ("[" + name + "]:" + port, loopback || mappedLoopback)
                }
            }
        case AF_UNIX:
            return ("a Unix socket", true)
        default:
            return nil
        }
    }

    /// Makes an inherited socket non-blocking and close-on-exec.
    public static func adopt(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
}
