#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads `routing.conf` from disk and parses it with ``ConfigParser``.
public enum ConfigLoader {
    /// Reads and parses the file at `path`. A file that cannot be read gives a single
    /// diagnostic at `PATH:0:0`, such as `cannot read: No such file or directory`.
    public static func load(path: String) -> (config: RoutingConfig?, diagnostics: [Diagnostic]) {
        switch readFile(path) {
        case .success(let bytes):
            return ConfigParser.parse(bytes: bytes, path: path)
        case .failure(let reason):
            return (nil, [.error("cannot read: \(reason.message)", at: SourceLocation(path: path, line: 0, column: 0))])
        }
    }

    private struct ReadError: Error {
        let message: String
    }

    private static func readFile(_ path: String) -> Result<[UInt8], ReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadError(message: errorText())) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(message: errorText()))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
