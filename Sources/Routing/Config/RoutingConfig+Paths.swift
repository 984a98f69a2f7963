extension RoutingConfig {
    /// The directory under which team queues live: `[router] queues`, relative to the state.
    public var queuesRoot: String {
        resolvedPath(router.queues, base: router.state)
    }

    /// The queue directory of a team (`queue =`, default its lower-cased name), under ``queuesRoot``.
    public func queuePath(forTeam name: String) -> String {
        let queue = team(named: name)?.queue ?? name.lowercased()
        return resolvedPath(queue, base: queuesRoot)
    }

    /// Every team's queue directory, in configuration order.
    public var queuePaths: [String] { teams.map { queuePath(forTeam: $0.name) } }

    /// A source's directory, relative to the state when not absolute.
    public func sourcePath(_ source: SourceConfig) -> String? {
        source.path.map { resolvedPath($0, base: router.state) }
    }

    /// The same configuration with another state directory (`--state`).
    public func withState(_ state: String) -> RoutingConfig {
        var copy = self
        copy.router.state = state
        return copy
    }
}
