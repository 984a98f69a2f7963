import Messages

/// Scores and weights as people read them, and as the router keeps them.
///
/// Weights may be decimals (learned files write them with two), so sums are kept rounded to
/// thousandths: `0.1 + 0.2` is `0.3`, and the same signals always give the same score.
public enum ScoreText {
    /// `value` rounded to thousandths.
    public static func rounded(_ value: Double) -> Double {
        // A whole value (hand-written weights and their sums) is its own rounding.
        if abs(value) < 1e12, value == Double(Int64(value)) { return value }
        let thousandths = value * 1000
        // Sums of whole and two-decimal weights are whole thousandths already (most of them):
        // the same result without the call that rounds.
        if abs(thousandths) < 1e15, thousandths == Double(Int64(thousandths)) { return thousandths / 1000 }
        return thousandths.rounded() / 1000
    }

    /// `3` for a whole value, else at most three decimals without trailing zeros (`2.35`, `-0.5`):
    /// the same text as the JSON output (``JSONWriter/decimal(_:pointZero:)``).
    public static func format(_ value: Double) -> String {
        var writer = JSONWriter()
        writer.decimal(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
