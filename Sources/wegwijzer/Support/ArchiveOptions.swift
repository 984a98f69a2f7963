import Archive
import Routing

/// The options `history` and `report` share: the state folder and the period.
enum ArchiveOptions {
    /// The option rows of `--config`, `--state`, `--since` and `--until`.
    static let specs: [CommandSpec.Option] = [
        .init(name: "--config", valueName: "PATH", help: "the configuration whose state to read (with --state, read for its teams only)"),
        .init(name: "--state", valueName: "DIR", help: "state folder, overriding [router] state"),
        .init(name: "--since", valueName: "DATE", help: "first day received, YYYY-MM-DD (default: the oldest kept)"),
        .init(name: "--until", valueName: "DATE", help: "last day received, YYYY-MM-DD (default: no limit)"),
    ]

    /// The archive of `--state`, else of the configuration's `[router] state`.
    static func store(_ arguments: ParsedArguments) throws -> ArchiveStore {
        let state: String
        if let option = arguments.value("--state") {
            state = absolutePath(option)
        } else {
            state = try loadValidConfig(arguments.value("--config")).router.state
        }
        return ArchiveStore(directory: ArchiveStore.directory(inState: state), retentionDays: RouterSettings.defaultArchiveDays)
    }

    /// The configuration, with `--state` in force, when it can be read; nil (and nothing
    /// printed) when it cannot, for commands that need it only for extras.
    static func configIfReadable(_ arguments: ParsedArguments) -> RoutingConfig? {
        guard var config = ConfigLoader.load(path: ConfigPath.resolve(arguments.value("--config"))).config else { return nil }
        if let state = arguments.value("--state") { config = config.withState(absolutePath(state)) }
        return config
    }

    /// The period of `--since` and `--until`; a malformed date is a usage error.
    static func period(_ arguments: ParsedArguments) throws(UsageError) -> ArchivePeriod {
        for name in ["--since", "--until"] {
            if let value = arguments.value(name), !ArchiveStore.isDay(value) {
                throw UsageError("\(name) must be a date such as 2026-12-01, not '\(value)'")
            }
        }
        let period = ArchivePeriod(since: arguments.value("--since"), until: arguments.value("--until"))
        if let since = period.since, let until = period.until, since > until {
            throw UsageError("--since \(since) is after --until \(until)")
        }
        return period
    }
}
