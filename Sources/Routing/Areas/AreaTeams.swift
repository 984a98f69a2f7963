/// Which team takes over which team's messages in which area (`takes` and `area` of a
/// `[team]`), and the `[router] outside` team, by indices for the router.
struct AreaTeams: Sendable {
    /// Taking team at `decided × areaCount + area`, −1 for none.
    private let takers: [Int32]
    private let areaCount: Int
    /// The `outside` team's index.
    private let outside: Int?
    /// Whether no team takes anything and there is no outside team: then nothing changes.
    let isEmpty: Bool

    /// Compiles the area teams of `config`.
    init(config: RoutingConfig) {
        areaCount = config.areas.count
        var takers = [Int32](repeating: -1, count: config.teams.count * areaCount)
        // Names compared without case, looked up by hash: a centrumgemeente may have hundreds.
        let teamIndex = Dictionary(config.teams.enumerated().map { ($0.element.name.lowercased(), $0.offset) }) { first, _ in first }
        let areaIndex = Dictionary(config.areas.enumerated().map { ($0.element.name.lowercased(), $0.offset) }) { first, _ in first }
        for (takerIndex, team) in config.teams.enumerated() {
            guard let areaName = team.area?.lowercased(), let area = areaIndex[areaName] else { continue }
            for taken in team.takes {
                guard let decided = teamIndex[taken.lowercased()], takers[decided * areaCount + area] < 0 else { continue }
                takers[decided * areaCount + area] = Int32(takerIndex)
            }
        }
        self.takers = takers
        outside = areaCount == 0 ? nil : config.router.outside.flatMap { teamIndex[$0.lowercased()] }
        isEmpty = outside == nil && !takers.contains { $0 >= 0 }
    }

    /// The team that gets a message `decided` for team index `decided` and found by `finding`:
    /// the area team that takes it there, the outside team when it lies outside every area,
    /// else nil (the decision stands).
    func taker(decided: Int, finding: AreaFinding) -> Int? {
        guard let area = finding.area else { return outside }
        let taker = takers[decided * areaCount + area]
        return taker < 0 ? nil : Int(taker)
    }
}

/// An area's part in a decision, as the reason shows it: `area Noord by postcode 2221` when an
/// area team took the message over, `outside every area (postcode 3011)` when the outside team
/// got it.
public struct AreaRoute: Sendable, Hashable, CustomStringConvertible {
    /// The area's name; nil when the message lies outside every area.
    public var area: String?
    /// The clue that decided.
    public var finding: AreaFinding
    /// The team the decision named before the area's team took it over.
    public var decidedTeam: String

    /// Creates a route.
    public init(area: String?, finding: AreaFinding, decidedTeam: String) {
        self.area = area
        self.finding = finding
        self.decidedTeam = decidedTeam
    }

    /// `area Noord by postcode 2221` or `outside every area (postcode 3011)`.
    public var description: String {
        if let area { return "area \(area) by \(finding.clue)" }
        return "outside every area (\(finding.clue))"
    }
}
