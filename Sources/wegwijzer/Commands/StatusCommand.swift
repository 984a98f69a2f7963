import Daemon

/// `wegwijzer status`: queue depths, pending work, rejected input, dead letters, last errors.
enum StatusCommand: Command {
    static let spec = CommandSpec(
        name: "status", usage: "status [--config PATH] [--state DIR] [--json]",
        summary: "queue depths, pending deliveries, rejected input, dead letters, last errors",
        options: [
            .init(name: "--config", valueName: "PATH", help: "the configuration whose state to read"),
            .init(name: "--state", valueName: "DIR", help: "state folder, overriding [router] state"),
            .init(name: "--json", valueName: nil, help: "one JSON object"),
        ],
        details: "Reads the state folder; the daemon need not run.")

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        guard arguments.positionals.isEmpty else { throw UsageError("takes no arguments") }
        var config = try loadValidConfig(arguments.value("--config"))
        if let state = arguments.value("--state") { config = config.withState(absolutePath(state)) }
        let report = StatusReport(config: config)
        var output = OutputBuffer()
        output.write(arguments.flag("--json") ? json(report) + "\n" : text(report))
        return .success
    }

    private static func text(_ report: StatusReport) -> String {
        var lines = ["queues:"]
        for queue in report.queues {
            lines.append("  " + queue.team.padding(toLength: 14, withPad: " ", startingAt: 0) + String(queue.depth).leftPadded(7) + "  " + queue.path)
        }
        if !report.sources.isEmpty {
            lines.append("sources:")
            for source in report.sources {
                lines.append("  " + source.name.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + "\(source.waiting) waiting, \(source.rejected) rejected (\(source.type))")
            }
        }
        lines.append("pending:      \(report.pending) committed, not yet in a queue")
        let pendingAge = report.oldestPendingAge.map { ", oldest \($0) s" } ?? ""
        lines.append("outbox:       \(report.outboxPending) not yet accepted by an endpoint\(pendingAge)")
        for row in report.outbox {
            lines.append("  " + row.team.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(row.pending).leftPadded(7) + "  (\(row.retrying) waiting for a retry)")
        }
        lines.append("noise:        \(report.noise) auto-replies and bounces set aside")
        let age = report.oldestDeadLetterAge.map { ", oldest \($0) s" } ?? ""
        lines.append("dead letters: \(report.deadLetters)\(age)")
        lines.append("dedupe index: \(report.committed) IDs")
        lines.append("last errors:" + (report.lastErrors.isEmpty ? " none" : ""))
        for error in report.lastErrors { lines.append("  " + error) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func json(_ report: StatusReport) -> String {
        var json = JSONText()
        json.raw("queues", "[" + report.queues.map { queue in
            var object = JSONText()
            object.string("team", queue.team)
            object.string("path", queue.path)
            object.int("depth", queue.depth)
            return object.object
        }.joined(separator: ",") + "]")
        json.raw("sources", "[" + report.sources.map { source in
            var object = JSONText()
            object.string("name", source.name)
            object.string("type", source.type)
            object.int("waiting", source.waiting)
            object.int("rejected", source.rejected)
            return object.object
        }.joined(separator: ",") + "]")
        json.int("pending", report.pending)
        json.int("outboxPending", report.outboxPending)
        json.raw("oldestPendingAgeSeconds", report.oldestPendingAge.map(String.init) ?? "null")
        json.raw("outbox", "[" + report.outbox.map { row in
            var object = JSONText()
            object.string("team", row.team)
            object.int("pending", row.pending)
            object.int("retrying", row.retrying)
            return object.object
        }.joined(separator: ",") + "]")
        json.int("noise", report.noise)
        json.int("rejected", report.sources.reduce(0) { $0 + $1.rejected })
        json.int("deadLetters", report.deadLetters)
        json.raw("oldestDeadLetterAgeSeconds", report.oldestDeadLetterAge.map(String.init) ?? "null")
        json.int("dedupeIDs", report.committed)
        json.raw("lastErrors", "[" + report.lastErrors.map(JSONText.quote).joined(separator: ",") + "]")
        return json.object
    }
}
