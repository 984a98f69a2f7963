import Archive

/// `wegwijzer history`: the archived messages as `TEAM<TAB>TEXT`, for `wegwijzer learn`.
enum HistoryCommand: Command {
    static let spec = CommandSpec(
        name: "history", usage: "history [--config PATH] [--state DIR] [--since DATE] [--until DATE]",
        summary: "archived messages as TEAM<TAB>TEXT, after corrections, for learn",
        options: ArchiveOptions.specs,
        details: """
            Reads STATE/archive/ ([router] archive-days); the daemon need not run. Each message
            once, with the team it ended with after 'reroute' and misrouted/ corrections;
            fallback messages that no one corrected are left out. When the configuration can be
            read, so are messages of teams it no longer has, and of area teams and the outside
            team (they take over by place, not by words: learn on the teams they take from); the
            counts go to standard error. Dates are days of receipt (UTC), both inclusive.
            'wegwijzer history > h.tsv; wegwijzer learn h.tsv'.
            """)

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        guard arguments.positionals.isEmpty else { throw UsageError("takes no arguments") }
        let period = try ArchiveOptions.period(arguments)
        let store = try ArchiveOptions.store(arguments)
        // Teams whose words learn can use: the configuration's, less those that take over by place.
        let config = ArchiveOptions.configIfReadable(arguments)
        let learnable = config.map { config in
            Set(config.teams.filter { $0.takes.isEmpty && $0.name != config.router.outside }.map { $0.name.lowercased() })
        }
        let known = config.map { Set($0.teams.map { $0.name.lowercased() }) }
        var byPlace = 0, unknown = 0
        var output = OutputBuffer()
        do {
            try ArchiveHistory.forEachLine(in: store, period: period) { line in
                if let learnable, let known {
                    let team = line.prefix { $0 != "\t" }.lowercased()
                    guard learnable.contains(team) else {
                        if known.contains(team) { byPlace += 1 } else { unknown += 1 }
                        return
                    }
                }
                output.write(line)
                output.write(byte: 0x0A)
            }
        } catch {
            throw CommandFailure("cannot read the archive: \(error)")
        }
        output.flush()
        if byPlace > 0 { printError("history: left out \(count(byPlace)) of area teams and the outside team") }
        if unknown > 0 { printError("history: left out \(count(unknown)) of teams the configuration no longer has") }
        return .success
    }

    private static func count(_ messages: Int) -> String { messages == 1 ? "1 message" : "\(messages) messages" }
}
