import Foundation

/// One example as the trainer sees it.
struct TrainingExample: Sendable {
    /// The team index of the example's label.
    let label: Int
    /// Its distinct term numbers.
    let terms: [Int32]
    /// Each team's score from the hand-written signals alone.
    let baseScores: [Double]
    /// How much the example counts: teams with fewer examples count more, so a common team
    /// cannot starve a rare one.
    let weight: Double
}

/// Learns term weights per team by multinomial logistic regression on top of the hand-written
/// scores (they enter as fixed offsets, so the learned terms correct them rather than repeat
/// them), with L2 regularisation, class-balanced example weights and AdaGrad steps.
///
/// Deterministic: one thread, a fixed shuffled order per pass (``SplitMix64``).
struct SoftmaxTrainer: Sendable {
    /// Which teams get learned weights (those with enough examples).
    let learnable: [Bool]
    /// Passes over the examples.
    var epochs = 15
    /// AdaGrad's base step.
    var rate = 0.5
    /// L2 regularisation per step, on the weights an example touches.
    var l2 = 1e-4

    /// The weights, `[team][term]`; only (team, term) pairs in `allowed` are learned, the rest stay 0.
    func train(_ examples: [TrainingExample], termCount: Int, allowed: [Set<Int32>]) -> [[Double]] {
        let teams = learnable.count
        var weights = [[Double]](repeating: [Double](repeating: 0, count: termCount), count: teams)
        var squares = [[Double]](repeating: [Double](repeating: 1e-8, count: termCount), count: teams)
        var order = Array(examples.indices)
        var random = SplitMix64(seed: 0x5745_4757_494A_5A52)
        var scores = [Double](repeating: 0, count: teams)
        for _ in 0..<epochs {
            random.shuffle(&order)
            for index in order {
                let example = examples[index]
                var highest = -Double.infinity
                for team in 0..<teams {
                    var score = example.baseScores[team]
                    if learnable[team] { for term in example.terms { score += weights[team][Int(term)] } }
                    scores[team] = score
                    highest = max(highest, score)
                }
                var sum = 0.0
                for team in 0..<teams {
                    scores[team] = exp(scores[team] - highest)
                    sum += scores[team]
                }
                for team in 0..<teams where learnable[team] {
                    let gradient = example.weight * (scores[team] / sum - (team == example.label ? 1 : 0))
                    for term in example.terms where allowed[team].contains(term) {
                        let slot = Int(term)
                        let step = gradient + l2 * weights[team][slot]
                        squares[team][slot] += step * step
                        weights[team][slot] -= rate * step / squares[team][slot].squareRoot()
                    }
                }
            }
        }
        return weights
    }
}

/// A small, fast, seeded random number generator (SplitMix64), so that training is the same
/// on every run and machine.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Fisher–Yates with this generator (the standard library's shuffle may change between releases).
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            let other = Int(next() % UInt64(index + 1))
            items.swapAt(index, other)
        }
    }
}
