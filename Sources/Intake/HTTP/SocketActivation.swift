#if canImport(Glibc)
import Glibc
#endif

/// Sockets handed over by systemd socket activation (`LISTEN_FDS`, `LISTEN_PID`,
/// `LISTEN_FDNAMES`), as `sd_listen_fds_with_names(3)` describes.
public struct SocketActivation: Sendable, Hashable {
    /// One inherited socket.
    public struct Socket: Sendable, Hashable {
        /// The descriptor, from 3 upwards.
        public var fd: Int32
        /// Its name from `FileDescriptorName=`, or `unknown`.
        public var name: String
        /// Creates an entry.
        public init(fd: Int32, name: String) {
            self.fd = fd
            self.name = name
        }
    }

    /// The first descriptor systemd passes.
    public static let firstDescriptor: Int32 = 3

    /// The inherited sockets, in order.
    public var sockets: [Socket]

    /// Creates a set of sockets.
    public init(sockets: [Socket] = []) {
        self.sockets = sockets
    }

    /// The sockets the environment describes when `LISTEN_PID` is `processID`; none otherwise.
    public init(environment: [String: String], processID: Int32) {
        guard let pid = environment["LISTEN_PID"].flatMap({ Int32($0) }), pid == processID,
              let count = environment["LISTEN_FDS"].flatMap({ Int32($0) }), count > 0 else {
            self.init()
            return
        }
        let names = environment["LISTEN_FDNAMES"].map { $0.split(separator: ":", omittingEmptySubsequences: false).map(String.init) } ?? []
        self.init(sockets: (0..<count).map { index in
            let name = Int(index) < names.count && !names[Int(index)].isEmpty ? names[Int(index)] : "unknown"
            return Socket(fd: Self.firstDescriptor + index, name: name)
        })
    }

    /// Reads the process environment once, removes the variables (so children do not see
    /// them), and marks the sockets close-on-exec and non-blocking.
    public static func takeFromEnvironment() -> SocketActivation {
        var environment: [String: String] = [:]
        for key in ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"] {
            if let value = getenv(key) { environment[key] = String(cString: value) }
        }
        let activation = SocketActivation(environment: environment, processID: getpid())
        for key in ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"] { unsetenv(key) }
        for socket in activation.sockets { ListenSocket.adopt(socket.fd) }
        return activation
    }

    /// Which inherited sockets each webhook source serves, given the sources in
    /// configuration order with the number of `listen` addresses each has.
    ///
    /// A socket named after a source is that source's. The other sockets go, in order, to
    /// the sources that have no named socket: each takes as many as it has `listen`
    /// addresses (at least one). A source with no socket binds its own addresses.
    public func assign(_ sources: [(name: String, listenCount: Int)]) -> [String: [Int32]] {
        var result: [String: [Int32]] = [:]
        let names = Set(sources.map(\.name))
        for socket in sockets where names.contains(socket.name) {
            result[socket.name, default: []].append(socket.fd)
        }
        var unnamed = sockets.filter { !names.contains($0.name) }.map(\.fd)[...]
        for source in sources where result[source.name] == nil && !unnamed.isEmpty {
            let count = max(1, source.listenCount)
            result[source.name] = Array(unnamed.prefix(count))
            unnamed = unnamed.dropFirst(count)
        }
        return result
    }
}
