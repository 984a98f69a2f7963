/// Why a decision went the way it did.
public enum DecisionReason: Sendable, Hashable, CustomStringConvertible {
    /// A team's signals settled it.
    case signals
    /// The message had no words.
    case empty
    /// The best score was below `min-score`.
    case belowMinScore(score: Double, minimum: Double)
    /// The best score beat the runner-up by less than `min-margin`.
    case belowMinMargin(margin: Double, minimum: Double)
    /// Something outside the signals decided (a reply to an earlier message, a poor transcript).
    case override(String)

    /// The reason in words, as written into logs and the message JSON.
    public var description: String {
        switch self {
        case .signals: "signals"
        case .empty: "empty"
        case .belowMinScore(let score, let minimum): "below min-score (\(ScoreText.format(score)) < \(ScoreText.format(minimum)))"
        case .belowMinMargin(let margin, let minimum): "below min-margin (\(ScoreText.format(margin)) < \(ScoreText.format(minimum)))"
        case .override(let reason): reason
        }
    }

}
