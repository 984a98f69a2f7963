/// The signals of a learned signal file (`[router] learned = FILE`, written by `wegwijzer learn`).
///
/// The file is in routing.conf syntax and holds `[team NAME]` sections with `signals` lines;
/// every team must be one of the configuration's. Its signals add to the teams' own and are
/// marked ``Signal/learned``. An optional `[router]` section may hold `min-score` and
/// `min-margin` only (``LearnedThresholds``), which replace the configuration's while the file
/// is loaded.
public struct LearnedSignals: Sendable, Hashable {
    /// The learned signals per team name, as spelled in the configuration.
    public var signals: [String: [Signal]]
    /// The `[router]` section's thresholds; nil when the file has none.
    public var thresholds: LearnedThresholds?
    /// FNV-1a 64 of the file's bytes.
    public var hash: String

    /// Parses a learned file's bytes against `config`'s teams. Pure: reads no files.
    public static func parse(bytes: [UInt8], path: String, for config: RoutingConfig)
        -> (learned: LearnedSignals?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        if let offset = ConfigParser.firstInvalidUTF8(bytes) {
            let line = bytes[..<offset].filter { $0 == 0x0A }.count + 1
            return (nil, [.error("the file is not valid UTF-8 (save it as UTF-8)", at: SourceLocation(path: path, line: line, column: 1))])
        }
        let document = IniDocument.parse(String(decoding: bytes, as: UTF8.self), path: path)
        diagnostics += document.diagnostics
        var signals: [String: [Signal]] = [:]
        var seen: [String: SourceLocation] = [:]
        var thresholds: LearnedThresholds?
        for section in document.sections where !section.kind.isEmpty {
            if section.kind == ConfigSchema.router.kind, section.name == nil, thresholds == nil {
                let (parsed, problems) = parseThresholds(section, config: config)
                thresholds = parsed
                diagnostics += problems
                continue
            }
            guard section.kind == ConfigSchema.team.kind, let name = section.name else {
                diagnostics.append(.error("a learned file holds only [team NAME] sections and one [router] section, "
                                          + "not \(section.header)", at: section.kindLocation))
                continue
            }
            guard let team = config.team(named: name) else {
                let hint = Suggestions.closest(to: name, among: config.teams.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(.error("unknown team '\(name)'\(hint): a learned file adds to the configuration's teams",
                                          at: section.nameLocation ?? section.location))
                continue
            }
            if let first = seen[team.name] {
                diagnostics.append(.error("duplicate section [team \(name)] (first at line \(first.line))", at: section.location))
                continue
            }
            seen[team.name] = section.location
            var teamSignals: [Signal] = []
            for entry in section.entries {
                guard entry.key == "signals" else {
                    diagnostics.append(.error("unknown key '\(entry.key)' in a learned file's \(section.header) "
                                              + "(only 'signals')", at: entry.keyLocation))
                    continue
                }
                let (value, problems) = ConfigValueParser.parse(entry, as: .signals(weighted: true))
                diagnostics += problems
                if case .signals(let parsed)? = value {
                    teamSignals += parsed.map { signal in
                        var learned = signal
                        learned.learned = true
                        return learned
                    }
                }
            }
            signals[team.name] = teamSignals
        }
        diagnostics = diagnostics.sortedForReport()
        guard !diagnostics.contains(where: \.isError) else { return (nil, diagnostics) }
        return (LearnedSignals(signals: signals, thresholds: thresholds, hash: RoutingConfig.hash(of: bytes)), diagnostics)
    }

    /// The `min-score` and `min-margin` of a learned file's `[router]` section; a key it leaves
    /// out keeps the configuration's value.
    private static func parseThresholds(_ section: IniSection, config: RoutingConfig)
        -> (LearnedThresholds, [Diagnostic]) {
        var thresholds = LearnedThresholds(minScore: config.router.minScore, minMargin: config.router.minMargin)
        var diagnostics: [Diagnostic] = []
        for entry in section.entries {
            guard LearnedThresholds.keys.contains(entry.key),
                  let spec = ConfigSchema.router.key(named: entry.key) else {
                diagnostics.append(.error("unknown key '\(entry.key)' in a learned file's [router] "
                                          + "(only 'min-score' and 'min-margin')", at: entry.keyLocation))
                continue
            }
            let (value, problems) = ConfigValueParser.parse(entry, as: spec.kind)
            diagnostics += problems
            guard case .number(let number)? = value else { continue }
            if entry.key == "min-score" { thresholds.minScore = number } else { thresholds.minMargin = number }
        }
        return (thresholds, diagnostics)
    }
}

extension RoutingConfig {
    /// The configuration with `learned`'s signals after each team's own, and its thresholds in
    /// place of the configuration's when it has them; the configuration hash
    /// then covers both files, so every decision records which learned file took part.
    public func adding(_ learned: LearnedSignals) -> RoutingConfig {
        var config = self
        if let thresholds = learned.thresholds {
            config.router.minScore = thresholds.minScore
            config.router.minMargin = thresholds.minMargin
            config.learnedThresholds = thresholds
        }
        for index in config.teams.indices {
            config.teams[index].signals += learned.signals[config.teams[index].name] ?? []
        }
        config.configHash = RoutingConfig.hash(of: Array((configHash + learned.hash).utf8))
        return config
    }

    /// How many of the teams' signals come from the learned file.
    public var learnedSignalCount: Int {
        teams.reduce(0) { total, team in total + team.signals.filter(\.learned).count }
    }
}
