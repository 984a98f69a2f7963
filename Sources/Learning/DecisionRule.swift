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
        return DecisionReason.judging(best: scores[best], runnerUp: second, settings: settings).isSignals ? best : fallback
    }
}

/// How a learned file counts against the router's rule: the factor on the learned weights, and
/// the thresholds that route best with them.
struct Calibration: Sendable, Hashable {
    /// The factor on the learned weights.
    var scale: Double
    /// `min-score` and `min-margin` with the learned weights; the configuration's, unless lower
    /// ones route the history better.
    var minScore: Double
    var minMargin: Double
}

/// Chooses how strongly the learned weights count against the router's thresholds, and the
/// thresholds themselves: the combination that routes best, by accuracy and macro-F1 together, in
/// a 3-fold split of the history itself (learned on two folds, routed on the third). A logistic
/// model's weights are log-odds; the router's `min-score` and `min-margin` are in the hand-written
/// signals' units, set for hand-written scores alone. Lower thresholds are tried only downwards
/// from the configuration's, and a tie keeps the configuration's.
enum ScaleCalibration {
    static let scales: [Double] = [0.5, 0.75, 1, 1.5, 2, 2.5, 3, 4, 5]
    /// Fractions of the configuration's `min-score` and `min-margin` tried, the configuration's first.
    static let scoreFractions: [Double] = [1, 2.0 / 3, 1.0 / 3]
    static let marginFractions: [Double] = [1, 0.75, 0.5, 0.25]

    /// The calibrations tried, in order of preference on a tie: the configuration's thresholds
    /// first, then lower margins, then lower scores; scale 1 before the others at each.
    static func candidates(_ settings: RouterSettings) -> [Calibration] {
        let ordered = [1.0] + scales.filter { $0 != 1 }
        var result: [Calibration] = []
        for scoreFraction in scoreFractions {
            for marginFraction in marginFractions {
                for scale in ordered {
                    result.append(Calibration(scale: scale, minScore: max(0.01, rounded(settings.minScore * scoreFraction)),
                                              minMargin: rounded(settings.minMargin * marginFraction)))
                }
            }
        }
        return result
    }

    /// `fit` learns from the examples at the given positions and gives each team's term weights.
    /// Every scaled weight is held within ±`cap`, as in the learned file.
    static func best(_ examples: [TrainingExample], teams: Int, rule: DecisionRule, cap: Double,
                     fit: ([Int]) -> [[Int32: Double]]) -> Calibration {
        let folds = 3
        let tried = candidates(rule.settings)
        guard examples.count >= folds * 10 else { return tried[0] }
        let rules = tried.map { calibration in
            var settings = rule.settings
            settings.minScore = calibration.minScore
            settings.minMargin = calibration.minMargin
            return DecisionRule(fallback: rule.fallback, settings: settings)
        }
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: teams * teams), count: tried.count)
        for fold in 0..<folds {
            let tables = fit(examples.indices.filter { $0 % folds != fold })
            for (position, example) in examples.enumerated() where position % folds == fold {
                let learned = (0..<teams).map { team in example.terms.compactMap { tables[team][$0] } }
                var scoresByScale: [Double: [Double]] = [:]
                for (index, calibration) in tried.enumerated() {
                    let scale = calibration.scale
                    let scores = scoresByScale[scale] ?? (0..<teams).map { team in
                        learned[team].reduce(example.baseScores[team]) { $0 + min(cap, max(-cap, scale * $1)) }
                    }
                    scoresByScale[scale] = scores
                    confusion[index][example.label * teams + rules[index].decide(scores)] += 1
                }
            }
        }
        let quality = confusion.map { Self.quality($0, teams: teams) }
        let bestIndex = quality.indices.max { quality[$0] != quality[$1] ? quality[$0] < quality[$1] : $0 > $1 } ?? 0
        return tried[bestIndex]
    }

    /// A threshold as the configuration keeps it: in hundredths.
    private static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

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
