import Delivery

/// `wegwijzer retry`: puts dead letters back for delivery.
enum RetryCommand: Command {
    static let spec = CommandSpec(
        name: "retry", usage: "retry [--config PATH] [--state DIR] (ID...|--all)",
        summary: "put dead letters back for delivery to their team's endpoint",
        options: [
            .init(name: "--config", valueName: "PATH", help: "the configuration whose state to use"),
            .init(name: "--state", valueName: "DIR", help: "state folder, overriding [router] state"),
            .init(name: "--all", valueName: nil, help: "every dead letter"),
        ],
        details: """
            Moves STATE/dead/ID.json back to STATE/outbox/ with no attempts, due now; its age
            counts from now. A running daemon picks it up within seconds; otherwise it is
            delivered when the daemon starts. 'wegwijzer status' lists the dead letters.
            """)

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        let all = arguments.flag("--all")
        guard all != !arguments.positionals.isEmpty else {
            throw UsageError(all ? "give IDs or --all, not both" : "give the IDs of dead letters, or --all")
        }
        var config = try loadValidConfig(arguments.value("--config"))
        if let state = arguments.value("--state") { config = config.withState(absolutePath(state)) }
        let result: DeadLetterRequeue.Result
        do {
            result = try DeadLetterRequeue.requeue(all ? nil : arguments.positionals, state: config.router.state)
        } catch {
            throw CommandFailure("cannot put dead letters back: \(error)")
        }
        for id in result.missing { printError("wegwijzer retry: no dead letter \(id) in \(config.router.state)/dead") }
        for problem in result.unreadable { printError("wegwijzer retry: unreadable dead letter \(problem)") }
        let count = result.requeued.count
        print("\(count) dead letter\(count == 1 ? "" : "s") put back for delivery")
        return result.missing.isEmpty && result.unreadable.isEmpty ? .success : .usage
    }
}
