/// A parsed and validated `routing.conf`.
public struct RoutingConfig: Sendable, Hashable {
    /// The path the file was read from.
    public var path: String
    /// The `[router]` section.
    public var router: RouterSettings
    /// The teams, in file order.
    public var teams: [TeamConfig]
    /// The areas, in file order.
    public var areas: [AreaConfig]
    /// The sources, in file order.
    public var sources: [SourceConfig]
    /// The `[acknowledge]` section, when receipts are configured.
    public var acknowledge: AcknowledgeSettings?
    /// FNV-1a 64 of the file's bytes as 16 lower-case hex digits; recorded with every decision.
    public var configHash: String
    /// The thresholds the learned file put in place of the `[router]` section's; nil when none.
    public var learnedThresholds: LearnedThresholds?

    /// Creates a configuration.
    public init(path: String, router: RouterSettings, teams: [TeamConfig], areas: [AreaConfig] = [],
                sources: [SourceConfig] = [], configHash: String) {
        self.path = path
        self.router = router
        self.teams = teams
        self.areas = areas
        self.sources = sources
        self.configHash = configHash
    }

    /// The team called `name`, compared case-insensitively.
    public func team(named name: String) -> TeamConfig? {
        let wanted = name.lowercased()
        return teams.first { $0.name.lowercased() == wanted }
    }

    /// The fallback team.
    public var fallbackTeam: TeamConfig? { team(named: router.fallback) }

    /// `path` if it is absolute, else `path` under `base` (a leading `./` is dropped).
    /// `[router] queues` resolves against `[router] state`, a team's `queue` against the queues
    /// directory, and source paths and files against the state directory.
    public func resolvedPath(_ path: String, base: String) -> String {
        Self.resolve(path, base: base)
    }

    /// FNV-1a 64-bit hash of `bytes` as 16 lower-case hex digits.
    public static func hash<Bytes: Sequence>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func resolve(_ path: String, base: String) -> String {
        if path.hasPrefix("/") { return path }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        if relative.isEmpty || relative == "." { return base }
        if base.isEmpty { return String(relative) }
        return base.hasSuffix("/") ? base + relative : base + "/" + relative
    }
}
