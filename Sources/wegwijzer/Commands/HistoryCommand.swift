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
            fallback messages that no one corrected are left out. Dates are days of receipt
            (UTC), both inclusive. 'wegwijzer history > h.tsv; wegwijzer learn h.tsv'.
            """)

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        guard arguments.positionals.isEmpty else { throw UsageError("takes no arguments") }
        let period = try ArchiveOptions.period(arguments)
        let store = try ArchiveOptions.store(arguments)
        var output = OutputBuffer()
        do {
            try ArchiveHistory.forEachLine(in: store, period: period) { line in
                output.write(line)
                output.write(byte: 0x0A)
            }
        } catch {
            throw CommandFailure("cannot read the archive: \(error)")
        }
        return .success
    }
}
