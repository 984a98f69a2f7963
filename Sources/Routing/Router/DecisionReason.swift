/// Why a decision went the way it did.
public enum DecisionReason: Sendable, Hashable, CustomStringConvertible {
    /// Whether the reason is ``signals``, told without comparing payloads (the `==` of an enum
    /// with an area route in it compares that route too, on every message).
    @inlinable public var isSignals: Bool {
        if case .signals = self { return true }
        return false
    }

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
    /// `base` decided a team, and then the message's area gave it to an area team (or to the
    /// `outside` team): `signals; area Noord by postcode 2221`.
    indirect case area(AreaRoute, base: DecisionReason)

    /// The router's rule: the best score settles it (``signals``) unless it is below `min-score`
    /// or leads the runner-up (counted as 0 when negative) by less than `min-margin`.
    public static func judging(best: Double, runnerUp: Double, settings: RouterSettings) -> DecisionReason {
        let margin = ScoreText.rounded(best - max(runnerUp, 0))
        if best < settings.minScore { return .belowMinScore(score: best, minimum: settings.minScore) }
        if margin < settings.minMargin { return .belowMinMargin(margin: margin, minimum: settings.minMargin) }
        return .signals
    }

    /// The reason in words, as written into logs and the message JSON.
    public var description: String {
        switch self {
        case .signals: "signals"
        case .empty: "empty"
        case .belowMinScore(let score, let minimum): "below min-score (\(ScoreText.format(score)) < \(ScoreText.format(minimum)))"
        case .belowMinMargin(let margin, let minimum): "below min-margin (\(ScoreText.format(margin)) < \(ScoreText.format(minimum)))"
        case .override(let reason): reason
        case .area(let route, let base): "\(base.description); \(route)"
        }
    }

}
