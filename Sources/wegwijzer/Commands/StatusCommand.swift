import Daemon
import Messages

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
        let receipts = report.receipts
        if receipts.configured || receipts.pending + receipts.dead > 0 {
            lines.append("receipts:     \(receipts.sent) sent, \(receipts.withheld) withheld by the limit (last \(receipts.period) s); "
                + "\(receipts.pending) pending (\(receipts.retrying) waiting for a retry), \(receipts.dead) dead")
        } else {
            lines.append("receipts:     not configured")
        }
        lines.append("retention:    " + (report.olderThanRetention.map { "\($0) unclaimed messages older than retention (never removed)" }
            ?? "not configured"))
        lines.append("dedupe index: \(report.committed) IDs")
        lines.append("last errors:" + (report.lastErrors.isEmpty ? " none" : ""))
        for error in report.lastErrors { lines.append("  " + error) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func json(_ report: StatusReport) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.key(literal: "queues")
        json.beginArray()
        for queue in report.queues {
            json.beginObject()
            json.member(literal: "team", queue.team)
            json.member(literal: "path", queue.path)
            integer("depth", queue.depth, into: &json)
            json.endObject()
        }
        json.endArray()
        json.key(literal: "sources")
        json.beginArray()
        for source in report.sources {
            json.beginObject()
            json.member(literal: "name", source.name)
            json.member(literal: "type", source.type)
            integer("waiting", source.waiting, into: &json)
            integer("rejected", source.rejected, into: &json)
            json.endObject()
        }
        json.endArray()
        integer("pending", report.pending, into: &json)
        integer("outboxPending", report.outboxPending, into: &json)
        integer("oldestPendingAgeSeconds", report.oldestPendingAge, into: &json)
        json.key(literal: "outbox")
        json.beginArray()
        for row in report.outbox {
            json.beginObject()
            json.member(literal: "team", row.team)
            integer("pending", row.pending, into: &json)
            integer("retrying", row.retrying, into: &json)
            json.endObject()
        }
        json.endArray()
        integer("noise", report.noise, into: &json)
        integer("rejected", report.sources.reduce(0) { $0 + $1.rejected }, into: &json)
        integer("deadLetters", report.deadLetters, into: &json)
        integer("oldestDeadLetterAgeSeconds", report.oldestDeadLetterAge, into: &json)
        integer("dedupeIDs", report.committed, into: &json)
        integer("olderThanRetention", report.olderThanRetention, into: &json)
        json.key(literal: "receipts")
        json.beginObject()
        json.key(literal: "configured")
        json.bool(report.receipts.configured)
        integer("periodSeconds", report.receipts.period, into: &json)
        integer("sent", report.receipts.sent, into: &json)
        integer("pending", report.receipts.pending, into: &json)
        integer("retrying", report.receipts.retrying, into: &json)
        integer("dead", report.receipts.dead, into: &json)
        integer("withheld", report.receipts.withheld, into: &json)
        json.endObject()
        json.key(literal: "lastErrors")
        json.beginArray()
        for error in report.lastErrors { json.string(error) }
        json.endArray()
        json.endObject()
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// A member holding an integer, or `null` when there is none.
    private static func integer(_ name: StaticString, _ value: Int?, into json: inout JSONWriter) {
        json.key(literal: name)
        if let value { json.integer(value) } else { json.null() }
    }
}
