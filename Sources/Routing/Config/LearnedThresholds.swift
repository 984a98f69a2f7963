/// The thresholds a learned file sets for routing with its terms: the `min-score` and
/// `min-margin` of its `[router]` section.
///
/// `wegwijzer learn` writes them when lower thresholds than the configuration's route the
/// history better together with the learned weights (a logistic model's weights are log-odds,
/// not the hand-written signals' units). They apply only while the learned file is loaded:
/// remove the file, or the section, and the configuration's own thresholds are back.
public struct LearnedThresholds: Sendable, Hashable {
    /// Lowest winning score with the learned terms.
    public var minScore: Double
    /// Lowest lead of the best team over the runner-up with the learned terms.
    public var minMargin: Double

    /// Creates thresholds.
    public init(minScore: Double, minMargin: Double) {
        self.minScore = minScore
        self.minMargin = minMargin
    }

    /// The keys a learned file's `[router]` section may hold.
    static let keys = ["min-score", "min-margin"]
}
