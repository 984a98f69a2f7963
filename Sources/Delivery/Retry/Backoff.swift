/// Exponential backoff with full jitter: the wait before retry number `n` (1 for the first) is
/// drawn uniformly from `0 ... min(cap, base · 2^(n-1))`, so that many messages failing
/// together do not retry together.
public enum Backoff {
    /// The longest wait before retry `retry` (1-based).
    public static func ceiling(retry: Int, base: Double, cap: Double) -> Double {
        let exponent = Double(min(max(retry - 1, 0), 62))
        return min(cap, base * pow2(exponent))
    }

    /// A random wait before retry `retry`; `random` draws from a closed range.
    public static func delay(retry: Int, base: Double, cap: Double,
                             random: (ClosedRange<Double>) -> Double = { Double.random(in: $0) }) -> Double {
        let ceiling = ceiling(retry: retry, base: base, cap: cap)
        return ceiling > 0 ? random(0...ceiling) : 0
    }

    private static func pow2(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= 2 }
        return result
    }
}
