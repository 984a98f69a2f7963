import Foundation
import Routing
import Text

/// `wegwijzer test CASES.tsv`: routes labelled cases and reports how well.
enum TestCommand: Command {
    static let spec = CommandSpec(
        name: "test", usage: "test [--config PATH] [--min-accuracy X] [--quiet] CASES.tsv",
        summary: "route golden cases; accuracy, precision and recall per team, confusion table",
        options: [
            .init(name: "--config", valueName: "PATH", help: "the configuration to route by"),
            .init(name: "--min-accuracy", valueName: "X", help: "pass when accuracy ≥ X (0…1) instead of requiring every case"),
            .init(name: "--quiet", valueName: nil, help: "print only the summary line"),
        ],
        details: """
            CASES.tsv: one `expected-team<TAB>text` per line; blank lines and # comments are skipped.
            Exit status: 0 all cases pass (or accuracy ≥ --min-accuracy), 1 otherwise, 2 usage or I/O error.
            """)

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
            throw UsageError("needs exactly one CASES.tsv")
        }
        var minimum: Double?
        if let text = arguments.value("--min-accuracy") {
            guard let value = Double(text), (0...1).contains(value) else {
                throw UsageError("--min-accuracy takes a number from 0 to 1, not '\(text)'")
            }
            minimum = value
        }
        let config = try loadValidConfig(arguments.value("--config"))
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("cannot read \(path)")
        }
        let cases: [GoldenCase]
        do {
            cases = try GoldenCase.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw CommandFailure("\(path): \(error)")
        }
        let teams = Set(config.teams.map { $0.name.lowercased() })
        if let unknown = cases.first(where: { !teams.contains($0.expectedTeam.lowercased()) }) {
            throw CommandFailure("\(path):\(unknown.line): unknown team '\(unknown.expectedTeam)'")
        }
        let evaluation = Evaluation(cases: cases, router: Router(config: config))
        var output = OutputBuffer()
        if !arguments.flag("--quiet") { output.write(report(evaluation)) }
        output.write(summary(evaluation) + "\n")
        if let minimum { return evaluation.accuracy >= minimum ? .success : .failure }
        return evaluation.failures.isEmpty ? .success : .failure
    }

    static func summary(_ evaluation: Evaluation) -> String {
        let passed = evaluation.total - evaluation.failures.count
        return "\(passed) passed, \(evaluation.failures.count) failed (accuracy \(format(evaluation.accuracy)))"
    }

    private static func report(_ evaluation: Evaluation) -> String {
        var lines: [String] = []
        for failure in evaluation.failures {
            let decision = failure.decision
            let terms = decision.matches.map { "\($0.term)→\($0.team) \(ScoreText.format($0.weight))\($0.learned ? " (learned)" : "")" }.joined(separator: ", ")
            lines.append("FAIL line \(failure.golden.line): expected \(failure.golden.expectedTeam), got \(decision.team) "
                + "(\(decision.reason); \(terms.isEmpty ? "no signals" : terms))")
            lines.append("     " + Redaction.redactBSNs(String(failure.golden.text.prefix(160))))
        }
        if !lines.isEmpty { lines.append("") }
        let width = max(12, (evaluation.teams.map(\.count).max() ?? 0) + 2)
        lines.append("team".padding(toLength: width, withPad: " ", startingAt: 0) + "  cases  precision  recall")
        for figure in evaluation.figures {
            lines.append(figure.team.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(figure.expected).leftPadded(7) + format(figure.precision).leftPadded(11) + format(figure.recall).leftPadded(8))
        }
        lines.append("")
        lines.append("confusion (rows expected, columns routed):")
        lines.append("".padding(toLength: width, withPad: " ", startingAt: 0)
            + evaluation.teams.map { String($0.prefix(8)).leftPadded(9) }.joined())
        for (index, team) in evaluation.teams.enumerated() {
            lines.append(team.padding(toLength: width, withPad: " ", startingAt: 0)
                + evaluation.confusion[index].map { String($0).leftPadded(9) }.joined())
        }
        lines.append("")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
