/// Reads history files (`TEAM<TAB>TEXT` or `CATEGORY<TAB>TEXT` with a ``CategoryMap``) into
/// examples, skipping empty texts and duplicate lines and counting what it skipped.
public struct HistoryReader: Sendable {
    /// The examples read so far, in file order.
    public private(set) var examples: [HistoryExample] = []
    /// Lines whose text was empty.
    public private(set) var emptyTexts = 0
    /// Lines that repeated an earlier line (same team, same text).
    public private(set) var duplicates = 0
    /// Each file read, with the number of examples it gave.
    public private(set) var sources: [(path: String, examples: Int)] = []

    private let teams: TeamLookup
    private let teamNames: [String]
    private let map: CategoryMap
    private var seen: Set<HistoryExample> = []

    /// A reader for the configuration's `teamNames`, with `map` for category names.
    public init(teamNames: [String], map: CategoryMap = CategoryMap()) {
        self.teams = TeamLookup(teamNames)
        self.teamNames = teamNames
        self.map = map
    }

    /// Adds the examples of one file. Nothing is added when the file has an error: a line
    /// without a tab, a label that is neither a team nor a mapped category, or bytes that
    /// are not UTF-8.
    public mutating func read(bytes: [UInt8], path: String) throws(HistoryError) {
        let lines = try TabSeparatedLines.read(bytes, path: path)
        var unknown: (line: Int, label: String)?
        var unknownCount = 0
        var added: [HistoryExample] = []
        for (line, label, text) in lines {
            guard let text else { throw HistoryError(path: path, line: line, message: "expected TEAM<TAB>TEXT") }
            guard let team = teams.team(label) ?? map.team(forCategory: label) else {
                unknownCount += 1
                if unknown == nil { unknown = (line, label) }
                continue
            }
            added.append(HistoryExample(team: team, text: text))
        }
        if let unknown {
            throw HistoryError(path: path, line: unknown.line,
                               message: "'\(unknown.label)' is neither a team (\(teamNames.joined(separator: ", "))) "
                                   + "nor a category of the --map file", count: unknownCount)
        }
        var kept = 0
        for example in added {
            if example.text.allSatisfy({ $0.isWhitespace }) {
                emptyTexts += 1
            } else if !seen.insert(example).inserted {
                duplicates += 1
            } else {
                examples.append(example)
                kept += 1
            }
        }
        sources.append((path, kept))
    }
}
