import Routing

/// K-fold cross-validation of `learn`: the history is split into K folds; each fold is routed
/// by the configuration with what was learned from the other folds, exactly as a learned file
/// (written, then read back) would route it.
public enum CrossValidation {
    /// The figures of the hand-written configuration alone, and with learned terms.
    public struct Result: Sendable {
        /// Every example routed by the configuration alone.
        public var handWritten: Evaluation
        /// Every example routed with what the other folds taught.
        public var learned: Evaluation
    }

    /// Runs `folds`-fold cross-validation; `progress` hears of each fold as it starts.
    public static func run(_ examples: [HistoryExample], config: RoutingConfig, options: LearnOptions, folds: Int,
                           progress: (Int) -> Void = { _ in }) -> Result {
        let cases = examples.enumerated().map { GoldenCase(line: $0.offset + 1, expectedTeam: $0.element.team, text: $0.element.text) }
        var order = Array(examples.indices)
        var random = SplitMix64(seed: 0x464F_4C44)
        random.shuffle(&order)
        var fold = [Int](repeating: 0, count: examples.count)
        for (position, index) in order.enumerated() { fold[index] = position % folds }
        var parts: [Evaluation] = []
        for current in 0..<folds {
            progress(current + 1)
            let training = examples.indices.filter { fold[$0] != current }.map { examples[$0] }
            let model = Learner.learn(training, config: config, options: options)
            let text = LearnedFile.render(model, provenance: .init(
                sources: [], date: "", configPath: config.path, configHash: config.configHash, options: options))
            let (learned, _) = LearnedSignals.parse(bytes: Array(text.utf8), path: "fold \(current + 1)", for: config)
            let router = Router(config: learned.map { config.adding($0) } ?? config)
            parts.append(Evaluation(cases: examples.indices.filter { fold[$0] == current }.map { cases[$0] }, router: router))
        }
        return Result(handWritten: Evaluation(cases: cases, router: Router(config: config)), learned: Evaluation(combining: parts))
    }
}
