/// The result of routing a set of golden cases: accuracy, per-team precision and recall,
/// the confusion table and the failures.
public struct Evaluation: Sendable {
    /// One case that went to the wrong team.
    public struct Failure: Sendable {
        /// The case.
        public var golden: GoldenCase
        /// What the router decided.
        public var decision: Decision
    }

    /// Per-team figures.
    public struct TeamFigures: Sendable {
        /// Team name.
        public var team: String
        /// Cases expected for this team.
        public var expected: Int
        /// Cases routed to this team.
        public var predicted: Int
        /// Cases both expected and routed to this team.
        public var correct: Int

        /// Creates a team's figures.
        public init(team: String, expected: Int, predicted: Int, correct: Int) {
            self.team = team
            self.expected = expected
            self.predicted = predicted
            self.correct = correct
        }
        /// correct / predicted (1 when nothing was predicted).
        public var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
        /// correct / expected (1 when nothing was expected).
        public var recall: Double { expected == 0 ? 1 : Double(correct) / Double(expected) }
        /// The harmonic mean of precision and recall (0 when both are 0).
        public var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
    }

    /// Team names in configuration order.
    public let teams: [String]
    /// `confusion[expected][predicted]`, indexed like ``teams``.
    public let confusion: [[Int]]
    /// Cases that failed.
    public let failures: [Failure]
    /// Number of cases.
    public let total: Int

    /// Routes every case (text only, no subject) and tallies the outcome.
    public init(cases: [GoldenCase], router: Router) {
        teams = router.config.teams.map(\.name)
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: teams.count), count: teams.count)
        var failures: [Failure] = []
        for golden in cases {
            let decision = router.route(subject: "", text: golden.text)
            let expected = teams.firstIndex { $0.lowercased() == golden.expectedTeam.lowercased() }
            let predicted = teams.firstIndex { $0 == decision.team }
            if let expected, let predicted { confusion[expected][predicted] += 1 }
            if expected != predicted { failures.append(Failure(golden: golden, decision: decision)) }
        }
        self.confusion = confusion
        self.failures = failures
        total = cases.count
    }

    /// One evaluation of all the cases of `parts` (the folds of a cross-validation); every part
    /// must have the same teams.
    public init(combining parts: [Evaluation]) {
        teams = parts.first?.teams ?? []
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: teams.count), count: teams.count)
        for part in parts {
            for row in part.confusion.indices {
                for column in part.confusion[row].indices { confusion[row][column] += part.confusion[row][column] }
            }
        }
        self.confusion = confusion
        failures = parts.flatMap(\.failures)
        total = parts.reduce(0) { $0 + $1.total }
    }

    /// The mean F1 over the teams that had cases.
    public var macroF1: Double {
        let scored = figures.filter { $0.expected > 0 }
        return scored.isEmpty ? 1 : scored.reduce(0) { $0 + $1.f1 } / Double(scored.count)
    }

    /// Share of cases routed to their expected team.
    public var accuracy: Double { total == 0 ? 1 : Double(total - failures.count) / Double(total) }

    /// Precision and recall per team, in configuration order.
    public var figures: [TeamFigures] {
        teams.indices.map { index in
            TeamFigures(
                team: teams[index],
                expected: confusion[index].reduce(0, +),
                predicted: confusion.reduce(0) { $0 + $1[index] },
                correct: confusion[index][index])
        }
    }
}
