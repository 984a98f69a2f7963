import Routing

/// Where a message handed back by a team goes: the best other team that clears the thresholds,
/// or else the fallback team.
public enum NextTeam {
    /// The team for `decision` without the teams `excluded` (compared without case): the
    /// best-scoring team other than those and the fallback team, when its score reaches
    /// `min-score` and leads the next one by `min-margin`; otherwise the fallback team. Returns
    /// the team and whether it is the fallback.
    public static func choose(_ decision: Decision, excluding excluded: [String], settings: RouterSettings)
        -> (team: String, score: Double, fallback: Bool) {
        let left = Set(excluded.map { $0.lowercased() } + [settings.fallback.lowercased()])
        let others = decision.scores.filter { !left.contains($0.team.lowercased()) }
        if let best = others.first {
            let second = others.dropFirst().first?.score ?? 0
            if best.score >= settings.minScore && best.score - second >= settings.minMargin {
                return (best.team, best.score, false)
            }
        }
        return (settings.fallback, 0, true)
    }
}
