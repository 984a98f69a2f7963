#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads `routing.conf` from disk and parses it with ``ConfigParser``.
public enum ConfigLoader {
    /// Reads and parses the file at `path`, and the learned signal file it names
    /// (`[router] learned`, relative to the file's folder) unless `learned` is false. A file that
    /// cannot be read gives a single diagnostic at `PATH:0:0`, such as
    /// `cannot read: No such file or directory`; a broken learned file makes the whole
    /// configuration invalid, so a reload keeps the configuration it had.
    public static func load(path: String, learned: Bool = true) -> (config: RoutingConfig?, diagnostics: [Diagnostic]) {
        let (config, diagnostics): (RoutingConfig?, [Diagnostic])
        switch readFile(path) {
        case .success(let bytes):
            (config, diagnostics) = ConfigParser.parse(bytes: bytes, path: path)
        case .failure(let reason):
            return (nil, [.error("cannot read: \(reason.message)", at: SourceLocation(path: path, line: 0, column: 0))])
        }
        let (withLearned, learnedProblems) = loadLearned(config, diagnostics: diagnostics, path: path, learned: learned)
        guard let withLearned, withLearned.areas.contains(where: { !$0.polygonFiles.isEmpty || !$0.streetFiles.isEmpty || !$0.streets.isEmpty })
        else { return (withLearned, learnedProblems) }
        let (withAreas, areaProblems) = AreaFileLoader.load(withLearned, configPath: path)
        return (withAreas, (learnedProblems + areaProblems).sortedForReport())
    }

    private static func loadLearned(_ config: RoutingConfig?, diagnostics: [Diagnostic], path: String,
                                    learned: Bool) -> (config: RoutingConfig?, diagnostics: [Diagnostic]) {
        guard learned, let config, let file = config.router.learned else { return (config, diagnostics) }
        let learnedPath = learnedFilePath(file, configPath: path)
        switch readFile(learnedPath) {
        case .success(let bytes):
            let (signals, problems) = LearnedSignals.parse(bytes: bytes, path: learnedPath, for: config)
            return (signals.map { config.adding($0) }, diagnostics + problems)
        case .failure(let reason):
            return (nil, diagnostics + [.error("cannot read the learned file \(learnedPath): \(reason.message)",
                                                at: SourceLocation(path: path, line: 0, column: 0))])
        }
    }

    /// `[router] learned` resolved against the folder of the configuration at `configPath`.
    public static func learnedFilePath(_ file: String, configPath: String) -> String {
        let folder = configPath.lastIndex(of: "/").map { String(configPath[..<$0]) } ?? ""
        return RoutingConfig.resolve(file, base: folder.isEmpty && configPath.hasPrefix("/") ? "/" : folder)
    }

    struct ReadError: Error {
        let message: String
    }

    /// The file's bytes; a file over `limit` bytes is refused unread.
    static func readFile(_ path: String, limit: Int = .max) -> Result<[UInt8], ReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadError(message: errorText())) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, Int(status.st_size) > limit {
            return .failure(ReadError(message: "the file has \(status.st_size) bytes, more than the limit of \(limit / (1024 * 1024)) MiB"))
        }
        var bytes: [UInt8] = []
        if Int(status.st_size) > 0 { bytes.reserveCapacity(Int(status.st_size)) }
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
