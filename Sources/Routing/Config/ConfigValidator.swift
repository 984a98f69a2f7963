/// Checks that span sections: the fallback team, queue directories shared by two teams, and
/// the warnings about signals (ties between teams, repetitions, teams no message can reach).
enum ConfigValidator {
    static func check(_ built: ConfigBuilder, path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        guard let router = built.router else {
            // A misspelled [router] header has been reported already.
            if built.misspelled["router"] != nil { return diagnostics }
            diagnostics.append(.error("missing [router] section (it must set 'fallback = TEAM')",
                                      at: SourceLocation(path: path, line: 1, column: 1)))
            return diagnostics + signalWarnings(built.teams, minScore: nil, fallback: nil, skipReach: [])
        }
        let teams = built.teams
        let fallbackKey = router.fallback.lowercased()
        let fallbackFound = teams.contains { $0.name.lowercased() == fallbackKey }
        let misspelledTeam = built.misspelled["team"]?.contains(fallbackKey) ?? false
        if !router.fallback.isEmpty, !fallbackFound, !misspelledTeam,
           let at = built.routerValues?.valueLocation("fallback") {
            let hint = Suggestions.closest(to: router.fallback, among: teams.map(\.name))
                .map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.append(.error("'fallback' names no team: there is no [team \(router.fallback)]\(hint)", at: at))
        }
        var queueOwners: [String: String] = [:]
        let queuesBase = RoutingConfig.resolve(router.queues, base: router.state)
        for (team, at) in zip(teams, built.queueLocations) {
            let directory = RoutingConfig.resolve(team.queue, base: queuesBase)
            if let owner = queueOwners[directory] {
                diagnostics.append(.error("team '\(team.name)' uses the same queue directory as team '\(owner)' "
                                          + "(\(directory))", at: at))
            } else {
                queueOwners[directory] = team.name
            }
        }
        diagnostics += openWebhookErrors(built.sources)
        diagnostics += AreaTeamValidator.check(built)
        diagnostics += repeatedWarnings(router.urgent, keys: router.urgent.map { ConfigFolding.key($0.pattern) },
                                        owner: "in 'urgent'")
        diagnostics += DeliveryValidator.check(router: router, routerValues: built.routerValues, teams: teams,
                                               teamValues: built.teamValues)
        // Which team is unreachable depends on the fallback team and on min-score.
        let minScoreKnown = fallbackFound && !(built.routerValues?.keysWithErrors.contains("min-score") ?? false)
        return diagnostics + signalWarnings(teams, minScore: minScoreKnown ? router.minScore : nil, fallback: fallbackKey,
                                            skipReach: built.teamsWithSignalErrors.union(AreaTeamValidator.teamsWithoutSignals(built)))
    }

    /// Warnings about the teams' signals. Reach is not judged for teams in `skipReach` (with
    /// bad signal entries), nor at all without `minScore`.
    private static func signalWarnings(_ teams: [TeamConfig], minScore: Double?, fallback: String?,
                                       skipReach: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var earlier: [String: [(team: String, signal: Signal)]] = [:]
        for team in teams {
            let keys = team.signals.map { ConfigFolding.key($0.pattern) }
            diagnostics += repeatedWarnings(team.signals, keys: keys, owner: "for team \(team.name)")
            var warnedPairs = Set<String>()
            for (signal, key) in zip(team.signals, keys) {
                let others = earlier[key] ?? []
                if others.contains(where: { $0.team == team.name }) { continue }
                if let tie = others.first(where: { $0.signal.weight == signal.weight }),
                   warnedPairs.insert(key + "\u{0}" + tie.team).inserted {
                    diagnostics.append(.warning(
                        "signal \(signal.text) has weight \(ScoreText.format(signal.weight)) for both team \(tie.team) (line "
                        + "\(tie.signal.location.line)) and team \(team.name): it cannot tell them apart",
                        at: signal.location))
                }
                earlier[key, default: []].append((team.name, signal))
            }
            if let minScore, team.name.lowercased() != fallback, !skipReach.contains(team.name.lowercased()) {
                let reach = team.signals.map(\.weight).filter { $0 > 0 }.reduce(0, +)
                if reach < minScore {
                    diagnostics.append(.warning(
                        "no message can reach team \(team.name): its positive signal weights add up to \(ScoreText.format(reach)), "
                        + "below min-score \(ScoreText.format(minScore))", at: team.location))
                }
            }
        }
        return diagnostics
    }

    /// An error for every webhook source that listens beyond loopback without a secret or token.
    private static func openWebhookErrors(_ sources: [SourceConfig]) -> [Diagnostic] {
        sources.compactMap { source in
            guard source.type == .webhook, source.secretFile == nil, source.tokenFile == nil,
                  let exposed = source.listen.first(where: { !SourceConfig.isLoopback($0) }) else { return nil }
            return .error("webhook source '\(source.name)' listens on \(exposed), which is not a loopback address, "
                          + "without 'secret' or 'token': anyone who reaches it could post messages", at: source.location)
        }
    }

    /// A warning for every signal whose pattern appeared before in the same list; `keys` are
    /// the signals' ``ConfigFolding/key(_:)``s.
    private static func repeatedWarnings(_ signals: [Signal], keys: [String], owner: String) -> [Diagnostic] {
        var first: [String: Signal] = [:]
        first.reserveCapacity(signals.count)
        var diagnostics: [Diagnostic] = []
        for (signal, key) in zip(signals, keys) {
            if let previous = first[key] {
                diagnostics.append(.warning("signal \(signal.text) is listed twice \(owner) (first at line "
                                            + "\(previous.location.line), column \(previous.location.column))",
                                            at: signal.location))
            } else {
                first[key] = signal
            }
        }
        return diagnostics
    }
}
