/// `check`'s rules for area teams (`takes`, `area`) and `[router] outside`: names that must
/// exist, keys that need each other, and two teams taking the same team in the same area.
enum AreaTeamValidator {
    /// The problems of the built configuration's area teams.
    static func check(_ built: ConfigBuilder) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let teamNames = built.teams.map(\.name)
        let areaNames = built.areas.map(\.name)
        let teamKeys = Set(teamNames.map { $0.lowercased() })
        let areaKeys = Set(areaNames.map { $0.lowercased() })
        // Who takes which team in which area: "team\u{0}area" → taking team.
        var takers: [String: String] = [:]
        for (team, values) in zip(built.teams, built.teamValues) {
            let takesAt = values.valueLocation("takes") ?? team.location
            let areaAt = values.valueLocation("area") ?? team.location
            if !team.takes.isEmpty && team.area == nil {
                diagnostics.append(.error("team \(team.name) takes over other teams' messages but has no 'area = AREA'",
                                          at: takesAt))
            }
            if team.takes.isEmpty, team.area != nil, !values.keysWithErrors.contains("takes") {
                diagnostics.append(.error("team \(team.name) has an 'area' but no 'takes = TEAM, …' saying whose messages "
                                          + "it takes over there", at: areaAt))
            }
            if let area = team.area, !areaKeys.contains(area.lowercased()), built.misspelled["area"]?.contains(area.lowercased()) != true {
                diagnostics.append(.error("'area' names no area: there is no [area \(area)]"
                                          + hint(area, among: areaNames), at: areaAt))
            }
            for taken in team.takes {
                if taken.lowercased() == team.name.lowercased() {
                    diagnostics.append(.error("team \(team.name) cannot take over its own messages", at: takesAt))
                    continue
                }
                guard teamKeys.contains(taken.lowercased()) else {
                    if built.misspelled["team"]?.contains(taken.lowercased()) != true {
                        diagnostics.append(.error("'takes' names no team: there is no [team \(taken)]"
                                                  + hint(taken, among: teamNames), at: takesAt))
                    }
                    continue
                }
                guard let area = team.area else { continue }
                let key = taken.lowercased() + "\u{0}" + area.lowercased()
                if let first = takers[key] {
                    diagnostics.append(.error("teams \(first) and \(team.name) both take \(taken) in area \(area): "
                                              + "a message can go to one of them only", at: takesAt))
                } else {
                    takers[key] = team.name
                }
            }
        }
        if let router = built.router, let outside = router.outside, let at = built.routerValues?.valueLocation("outside") {
            if !teamKeys.contains(outside.lowercased()) {
                diagnostics.append(.error("'outside' names no team: there is no [team \(outside)]" + hint(outside, among: teamNames),
                                          at: at))
            } else if built.areas.isEmpty {
                diagnostics.append(.warning("'outside' has no effect without [area] sections", at: at))
            }
        }
        return diagnostics
    }

    /// Lower-cased names of the teams no signal needs to reach: area teams and the outside team.
    static func teamsWithoutSignals(_ built: ConfigBuilder) -> Set<String> {
        var names = Set(built.teams.filter { !$0.takes.isEmpty || $0.area != nil }.map { $0.name.lowercased() })
        if let outside = built.router?.outside { names.insert(outside.lowercased()) }
        return names
    }

    private static func hint(_ name: String, among names: [String]) -> String {
        Suggestions.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
