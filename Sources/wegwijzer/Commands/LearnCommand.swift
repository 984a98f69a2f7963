import Foundation
import Learning
import Routing
import Storage

/// `wegwijzer learn`: learns signal weights from a municipality's own history and writes them
/// as a learned signal file that `[router] learned` loads.
enum LearnCommand: Command {
    static let spec = CommandSpec(
        name: "learn",
        usage: "learn [--config PATH] [--output FILE] [--map FILE] [--folds K] [--max-terms N] [--min-examples N] HISTORY.tsv...",
        summary: "learn signal weights from routed history; write them as a reviewable learned file",
        options: [
            .init(name: "--config", valueName: "PATH", help: "the configuration whose teams and signals to learn on"),
            .init(name: "--output", valueName: "FILE", help: "where to write (default: learned.conf beside the config)"),
            .init(name: "--map", valueName: "FILE", help: "CATEGORY<TAB>TEAM lines: the municipality's categories to teams"),
            .init(name: "--folds", valueName: "K", help: "also print K-fold cross-validated figures, without and with learning"),
            .init(name: "--max-terms", valueName: "N", help: "at most N learned terms per team (default 500)"),
            .init(name: "--min-examples", valueName: "N", help: "teams with fewer examples get no terms (default 20)"),
        ],
        details: """
            HISTORY.tsv: TEAM<TAB>TEXT lines (or CATEGORY<TAB>TEXT with --map), # comments; the format of `test`.
            Empty texts and duplicate lines are skipped and counted. A label that is neither a team nor a mapped
            category, a line without a tab, or bytes that are not UTF-8 stop learn with the first such line.
            The learned file is in routing.conf syntax; its weights add to the hand-written signals (which learn
            reads without any learned file the configuration loads). The same input gives the same file, byte for
            byte; the date in its header is today's, or SOURCE_DATE_EPOCH's when that is set.
            Exit status: 0 written, 2 usage or input error.
            """)

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        guard !arguments.positionals.isEmpty else { throw UsageError("needs at least one HISTORY.tsv") }
        var options = LearnOptions()
        options.maxTerms = try count(arguments, "--max-terms", default: options.maxTerms, range: 1...100_000)
        options.minExamples = try count(arguments, "--min-examples", default: options.minExamples, range: 1...1_000_000)
        let folds = try arguments.value("--folds").map { _ in try count(arguments, "--folds", default: 5, range: 2...50) }
        let path = ConfigPath.resolve(arguments.value("--config"))
        let (loaded, diagnostics) = ConfigLoader.load(path: path, learned: false)
        guard let config = loaded else {
            let errors = diagnostics.filter(\.isError)
            for diagnostic in errors.prefix(20) { printError(diagnostic.description) }
            throw CommandFailure("\(path): invalid configuration (\(errors.count) errors; run wegwijzer check)")
        }
        let teamNames = config.teams.map(\.name)
        var reader: HistoryReader
        do throws(HistoryError) {
            let map = try arguments.value("--map").map { file throws(HistoryError) in
                try CategoryMap(bytes: try read(file), path: file, teamNames: teamNames)
            } ?? CategoryMap()
            reader = HistoryReader(teamNames: teamNames, map: map)
            for file in arguments.positionals { try reader.read(bytes: try read(file), path: file) }
        } catch {
            throw CommandFailure(error.description)
        }
        let examples = reader.examples
        printError("learn: \(examples.count) examples from \(arguments.positionals.count) file"
            + "\(arguments.positionals.count == 1 ? "" : "s"); skipped \(reader.emptyTexts) empty texts and "
            + "\(reader.duplicates) duplicate lines")
        let model = Learner.learn(examples, config: config, options: options)
        for team in model.teams where team.examples > 0 && team.withoutTerms != nil {
            printError("learn: warning: team \(team.name) gets no learned terms: \(team.withoutTerms!)")
        }
        let output = arguments.value("--output") ?? ConfigLoader.learnedFilePath("learned.conf", configPath: path)
        let text = LearnedFile.render(model, provenance: .init(
            sources: reader.sources, emptyTexts: reader.emptyTexts, duplicates: reader.duplicates, date: today(),
            configPath: path, configHash: config.configHash, options: options))
        try write(text, to: output)
        let perTeam = model.teams.filter { !$0.terms.isEmpty }.map { "\($0.name) \($0.terms.count)" }
        var thresholds = ""
        if let learned = model.thresholds {
            thresholds = "; with them min-score \(ScoreText.format(learned.minScore)) and min-margin "
                + "\(ScoreText.format(learned.minMargin)) (routing.conf: \(ScoreText.format(config.router.minScore)) "
                + "and \(ScoreText.format(config.router.minMargin)))"
        }
        print("\(output): \(model.termCount) learned terms (\(perTeam.joined(separator: ", ")))\(thresholds)")
        if let folds {
            let result = CrossValidation.run(examples, config: config, options: options, folds: folds) { fold in
                printError("learn: cross-validation fold \(fold) of \(folds)")
            }
            print(LearnReport.crossValidation(result, folds: folds))
        }
        return .success
    }

    private static func count(_ arguments: ParsedArguments, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = arguments.value(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return number
    }

    private static func read(_ path: String) throws(HistoryError) -> [UInt8] {
        do {
            return try DurableFile.readFile(at: path)
        } catch {
            throw HistoryError(path: path, line: 0, message: "\(error)")
        }
    }

    /// Written beside the target, synced, then renamed over it, and the folder synced.
    private static func write(_ text: String, to path: String) throws {
        let temporary = path + ".tmp"
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        do {
            try DurableFile.createFile(at: temporary, contents: Array(text.utf8), mode: 0o644, truncating: true)
            try DurableFile.rename(temporary, to: path)
            try DurableFile.syncDirectory(at: folder.isEmpty ? "/" : folder)
        } catch {
            throw CommandFailure("cannot write \(path): \(error)")
        }
    }

    /// `YYYY-MM-DD` of SOURCE_DATE_EPOCH when set, else of now, in UTC.
    private static func today() -> String {
        let seconds = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init)
            ?? Date().timeIntervalSince1970
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}
