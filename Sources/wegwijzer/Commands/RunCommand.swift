import Daemon

/// `wegwijzer run`: the daemon, in the foreground.
enum RunCommand: Command {
    static let spec = CommandSpec(
        name: "run", usage: "run [--config PATH] [--state DIR]",
        summary: "run the daemon in the foreground (systemd Type=notify)",
        options: [
            .init(name: "--config", valueName: "PATH", help: "the configuration to route by"),
            .init(name: "--state", valueName: "DIR", help: "state folder, overriding [router] state"),
        ],
        details: """
            Signals: SIGHUP reloads routing.conf (a broken one is logged, the old one keeps routing);
            SIGTERM or SIGINT stops intake, finishes the work in flight and exits 0.
            Logs: one JSON object per line on stderr.
            """)

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        guard arguments.positionals.isEmpty else { throw UsageError("takes no arguments") }
        let daemon = Daemon(configPath: ConfigPath.resolve(arguments.value("--config")), stateOverride: arguments.value("--state").map(absolutePath))
        return ExitStatus(rawValue: daemon.run()) ?? .usage
    }
}
