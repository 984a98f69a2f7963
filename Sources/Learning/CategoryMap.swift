/// A municipality's own category names mapped to teams: `CATEGORY<TAB>TEAM` lines (`--map`).
public struct CategoryMap: Sendable, Hashable {
    /// Team name (as spelled in the configuration) by lower-cased category name.
    public private(set) var teams: [String: String] = [:]

    /// An empty map.
    public init() {}

    /// Parses a map file; every team must be one of `teamNames` (compared case-insensitively).
    public init(bytes: [UInt8], path: String, teamNames: [String]) throws(HistoryError) {
        let known = TeamLookup(teamNames)
        for (line, category, team) in try TabSeparatedLines.read(bytes, path: path) {
            guard let team, !category.isEmpty else {
                throw HistoryError(path: path, line: line, message: "expected CATEGORY<TAB>TEAM")
            }
            guard let name = known.team(team.trimmingSpaces) else {
                throw HistoryError(path: path, line: line,
                                   message: "unknown team '\(team.trimmingSpaces)' (teams: \(teamNames.joined(separator: ", ")))")
            }
            let key = category.lowercased()
            if let earlier = teams[key], earlier != name {
                throw HistoryError(path: path, line: line,
                                   message: "category '\(category)' is mapped to \(earlier) already, and here to \(name)")
            }
            teams[key] = name
        }
    }

    /// The team of `category`, if the map has it.
    public func team(forCategory category: String) -> String? {
        teams[category.lowercased()]
    }
}

/// Team names looked up case-insensitively, answered as the configuration spells them.
struct TeamLookup: Sendable {
    private let names: [String: String]

    init(_ teamNames: [String]) {
        var names: [String: String] = [:]
        for name in teamNames where names[name.lowercased()] == nil { names[name.lowercased()] = name }
        self.names = names
    }

    func team(_ name: String) -> String? { names[name.lowercased()] }
}
