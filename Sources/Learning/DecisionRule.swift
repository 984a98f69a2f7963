import Routing

/// The router's rule (``DecisionReason/judging(best:runnerUp:settings:)``) on given scores, for
/// learning without building a router per trial.
struct DecisionRule: Sendable {
    let fallback: Int
    let settings: RouterSettings

    /// The winning team's index (ties by configuration order), or the fallback's.
    func decide(_ scores: [Double]) -> Int {
        var best = 0
        for team in scores.indices where scores[team] > scores[best] { best = team }
        var second = -Double.infinity
        for team in scores.indices where team != best { second = max(second, scores[team]) }
        return DecisionReason.judging(best: scores[best], runnerUp: second, settings: settings) == .signals ? best : fallback
    }
}

/// Chooses how strongly the learned weights count against the router's thresholds: the scale
/// that routes best, by accuracy and macro-F1 together, in a 3-fold split of the history itself
/// (learned on two folds, routed on the third). A logistic model's weights are log-odds; the
/// router's `min-score` and `min-margin` are in the hand-written signals' units.
enum ScaleCalibration {
    static let scales: [Double] = [0.5, 0.75, 1, 1.5, 2, 2.5, 3, 4, 5]

    /// `fit` learns from the examples at the given positions and gives each team's term weights.
    /// Every scaled weight is held within ±`cap`, as in the learned file.
    static func best(_ examples: [TrainingExample], teams: Int, rule: DecisionRule, cap: Double,
                     fit: ([Int]) -> [[Int32: Double]]) -> Double {
        let folds = 3
        guard examples.count >= folds * 10 else { return 1 }
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: teams * teams), count: scales.count)
        for fold in 0..<folds {
            let tables = fit(examples.indices.filter { $0 % folds != fold })
            for (position, example) in examples.enumerated() where position % folds == fold {
                let learned = (0..<teams).map { team in example.terms.compactMap { tables[team][$0] } }
                for (index, scale) in scales.enumerated() {
                    let scores = (0..<teams).map { team in
                        learned[team].reduce(example.baseScores[team]) { $0 + min(cap, max(-cap, scale * $1)) }
                    }
                    confusion[index][example.label * teams + rule.decide(scores)] += 1
                }
            }
        }
        let quality = confusion.map { Self.quality($0, teams: teams) }
        let bestIndex = quality.indices.max { quality[$0] != quality[$1] ? quality[$0] < quality[$1] : $0 > $1 } ?? 2
        return scales[bestIndex]
    }
    /// (accuracy + macro-F1) / 2 of a flat confusion table, macro over the teams that had examples.
    static func quality(_ confusion: [Int], teams: Int) -> Double {
        let total = confusion.reduce(0, +)
        guard total > 0 else { return 0 }
        let figures = (0..<teams).map { team in
            Evaluation.TeamFigures(team: "", expected: (0..<teams).reduce(0) { $0 + confusion[team * teams + $1] },
                                   predicted: (0..<teams).reduce(0) { $0 + confusion[$1 * teams + team] },
                                   correct: confusion[team * teams + team])
        }
        let scored = figures.filter { $0.expected > 0 }
        let accuracy = Double(figures.reduce(0) { $0 + $1.correct }) / Double(total)
        return (accuracy + scored.reduce(0) { $0 + $1.f1 } / Double(max(1, scored.count))) / 2
    }
}
