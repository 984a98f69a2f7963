import Archive
import Corrections
import Delivery
import Routing

/// `wegwijzer reroute`: moves a routed message to another team.
enum RerouteCommand: Command {
    static let spec = CommandSpec(
        name: "reroute", usage: "reroute [--config PATH] [--state DIR] ID TEAM [--note TEXT]",
        summary: "move a routed message to another team's queue (a correction)",
        options: [
            .init(name: "--config", valueName: "PATH", help: "the configuration whose teams and state to use"),
            .init(name: "--state", valueName: "DIR", help: "state folder, overriding [router] state"),
            .init(name: "--note", valueName: "TEXT", help: "why, kept in routing.reason and the archive"),
        ],
        details: """
            Finds the message in its team's queue (new/, misrouted/, or any claim folder: every
            other folder but tmp/ and attachments/, such as cur/)
            and writes it, with its attachments, to TEAM's queue under the same ID:
            routing.reason becomes 'rerouted from FROM[: NOTE]' and the first decision is kept
            in routing.previous; TEAM's endpoint gets it through the outbox. The correction is
            journaled (R ID FROM TO TIME) before the old copy is removed, so a crash at any point
            leaves the message in exactly one queue once the daemon has started again. A message
            its team has already deleted cannot be moved: the correction is still recorded (for
            'history' and 'report'), and the command says so. Exit 1: no such message or team, or
            the message is with that team already; exit 2 when the message is not yet published.
            """)

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        guard arguments.positionals.count == 2 else { throw UsageError("give the message ID and the team to move it to") }
        let (id, teamName) = (arguments.positionals[0], arguments.positionals[1])
        var config = try loadValidConfig(arguments.value("--config"))
        if let state = arguments.value("--state") { config = config.withState(absolutePath(state)) }
        guard let team = config.team(named: teamName) else {
            printError("wegwijzer reroute: no team '\(teamName)' (teams: \(config.teams.map(\.name).joined(separator: ", ")))")
            return .failure
        }
        let state = config.router.state
        let journal = state + "/journal"
        let archive = ArchiveStore(directory: ArchiveStore.directory(inState: state), retentionDays: config.router.archiveDays)
        let rerouter = Rerouter(state: state, archive: archive) { try CommitJournal.append($0, directory: journal) }
        let target = Rerouter.Team(name: team.name, queue: config.queuePath(forTeam: team.name), endpoint: team.endpoint)
        let note = arguments.value("--note") ?? ""
        do {
            return try rerouter.withLock {
                guard QueueDirectory.isValid(id: id), let current = locate(id, config: config, journal: journal, archive: archive) else {
                    printError("wegwijzer reroute: no message \(id) (not in the journal, the archive or any queue)")
                    return .failure
                }
                guard current.team.name.lowercased() != team.name.lowercased() else {
                    printError("wegwijzer reroute: \(id) is with \(team.name) already")
                    return .failure
                }
                if let file = current.file {
                    try rerouter.move(id: id, file: file, from: current.team, to: target, note: note)
                    print("\(id) moved from \(current.team.name) to \(team.name)")
                } else if QueueDirectory(path: current.team.queue).isStaged(id: id) {
                    printError("wegwijzer reroute: \(id) is not in \(current.team.name)'s queue yet; try again in a moment")
                    return .usage
                } else {
                    let correction = CommitJournal.Correction(
                        id: id, from: current.team.name, to: team.name, time: RFC3339.format(.now),
                        fromQueue: current.team.queue, toQueue: target.queue, note: note)
                    try rerouter.record(correction)
                    try rerouter.archive?.append([.correction(ArchiveCorrection(
                        id: id, from: correction.from, to: correction.to, time: correction.time, note: note))], sync: true)
                    print("\(id) was already deleted by \(current.team.name) and cannot be moved; the correction to \(team.name) is recorded")
                }
                return .success
            }
        } catch {
            throw CommandFailure("cannot move \(id): \(error)")
        }
    }

    /// The team a message is with and its copy there (nil when the team has deleted it): by the
    /// journal, else by any queue holding it, else by the archive (the journal keeps 30 days).
    private static func locate(_ id: String, config: RoutingConfig, journal: String, archive: ArchiveStore)
        -> (team: Rerouter.Team, file: String?)? {
        let teams = config.teams.map { Rerouter.Team(name: $0.name, queue: config.queuePath(forTeam: $0.name)) }
        if let known = CommitJournal.lookUp(id, directory: journal) {
            let team = Rerouter.Team(name: known.team, queue: known.queue)
            return (team, QueueCopies.paths(of: id, in: known.queue).first)
        }
        for team in teams {
            if let file = QueueCopies.paths(of: id, in: team.queue).first { return (team, file) }
        }
        var last: String?
        try? archive.forEachEntry { entry in
            switch entry {
            case .message(let record) where record.id == id: last = record.team
            case .correction(let correction) where correction.id == id: last = correction.to
            default: break
            }
        }
        return last.flatMap { name in teams.first { $0.name.lowercased() == name.lowercased() } }.map { ($0, nil) }
    }
}
