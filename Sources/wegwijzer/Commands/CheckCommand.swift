import Daemon
import Routing

/// `wegwijzer check`: validates `routing.conf`.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check", usage: "check [--config PATH]",
        summary: "validate routing.conf; every error as PATH:LINE:COL: message",
        options: [.init(name: "--config", valueName: "PATH", help: "the configuration to check")],
        details: "Exit status: 0 valid (warnings are printed), 1 any error, 2 cannot read.")

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        guard arguments.positionals.isEmpty else { throw UsageError("takes no arguments") }
        let path = ConfigPath.resolve(arguments.value("--config"))
        let (config, diagnostics) = ConfigLoader.load(path: path)
        for diagnostic in diagnostics { printError(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        guard let config else {
            if errors == 1, diagnostics.first?.location.line == 0 { return .usage }
            printError("\(path): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            return .failure
        }
        // The files the configuration names, read as `run` reads them (as the user running check).
        let unusable = ReferencedFiles.problems(in: config)
        for problem in unusable { printError("\(path): \(problem)") }
        guard unusable.isEmpty else {
            printError("\(path): \(unusable.count) file\(unusable.count == 1 ? "" : "s") cannot be used, \(warnings) warning\(warnings == 1 ? "" : "s")")
            return .failure
        }
        let learned = config.learnedSignalCount
        let signals = config.teams.reduce(0) { $0 + $1.signals.count } - learned
        var learnedText = config.router.learned == nil ? "" : " and \(learned) learned"
        if let thresholds = config.learnedThresholds {
            learnedText += " (with min-score \(ScoreText.format(thresholds.minScore)) and min-margin "
                + "\(ScoreText.format(thresholds.minMargin)) from the learned file)"
        }
        print("\(path): ok: \(config.teams.count) teams, \(signals) signals\(learnedText), \(config.areas.count) areas, \(config.sources.count) sources, \(warnings) warning\(warnings == 1 ? "" : "s")")
        return .success
    }
}

/// Loads the configuration for a command that needs a valid one, or fails with its errors.
func loadValidConfig(_ option: String?) throws -> RoutingConfig {
    let path = ConfigPath.resolve(option)
    let (config, diagnostics) = ConfigLoader.load(path: path)
    guard let config else {
        let errors = diagnostics.filter { $0.severity == .error }
        for diagnostic in errors.prefix(20) { printError(diagnostic.description) }
        throw CommandFailure("\(path): invalid configuration (\(errors.count) errors; run wegwijzer check)")
    }
    return config
}
