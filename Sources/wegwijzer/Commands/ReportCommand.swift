import Archive
import Daemon
import Foundation
import Insight
import Storage

/// `wegwijzer report`: the KCC's report over a period, as an HTML page or as JSON.
enum ReportCommand: Command {
    static let spec = CommandSpec(
        name: "report", usage: "report [--config PATH] [--state DIR] [--since DATE] [--until DATE] [--output FILE] [--json]",
        summary: "what citizens ask, per channel, team and day: an HTML page with charts, or JSON",
        options: ArchiveOptions.specs + [
            .init(name: "--output", valueName: "FILE", help: "write to FILE (replaced durably) instead of stdout"),
            .init(name: "--json", valueName: nil, help: "the figures as one JSON document instead of the page"),
        ],
        details: """
            Counts STATE/archive/ ([router] archive-days); the daemon need not run. The page is
            one self-contained HTML file in Dutch, its charts inline SVG, loading nothing from
            anywhere: messages per day per channel, per team, the triage share per day, urgent
            messages, corrections per team, top signal words, areas, rejected input, noise and
            dead letters, and the time from receipt to queue. Dates are days of receipt (UTC),
            both inclusive. The figures of rejected input, noise and dead letters are those of
            now, read through the configuration (left out when it cannot be read).
            """)

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        guard arguments.positionals.isEmpty else { throw UsageError("takes no arguments") }
        let period = try ArchiveOptions.period(arguments)
        let store = try ArchiveOptions.store(arguments)
        var figures: ReportFigures
        do {
            figures = try ReportCounter.figures(of: store, period: period)
        } catch {
            throw CommandFailure("cannot read the archive: \(error)")
        }
        if let config = ArchiveOptions.configIfReadable(arguments) {
            let status = StatusReport(config: config)
            figures.intake = .init(rejected: status.sources.reduce(0) { $0 + $1.rejected }, noise: status.noise,
                                   deadLetters: status.deadLetters)
        }
        let bytes = arguments.flag("--json")
            ? ReportJSON.bytes(figures) : Array(ReportHTML.page(figures, generatedAt: Timestamp.now()).utf8)
        guard let output = arguments.value("--output") else {
            var buffer = OutputBuffer()
            bytes.withUnsafeBufferPointer { buffer.write($0) }
            return .success
        }
        do {
            try write(bytes, to: absolutePath(output))
        } catch {
            throw CommandFailure("cannot write \(output): \(error)")
        }
        return .success
    }

    /// Replaces `path` durably: written beside it, fsynced, renamed over it, the folder fsynced;
    /// mode 0640, so only the folder's group (wegwijzer-report) reads it.
    private static func write(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/." + (path as NSString).lastPathComponent + ".tmp"
        try DurableFile.createFile(at: temporary, contents: bytes, mode: 0o640, truncating: true)
        try DurableFile.rename(temporary, to: path)
        try DurableFile.syncDirectory(at: folder)
    }
}
