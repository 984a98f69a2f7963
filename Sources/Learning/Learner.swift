import Routing

/// Learns signal weights from a municipality's history, on top of the configuration's own
/// signals. Pure: no I/O, no clock, and the same input always gives the same terms.
///
/// The model is linear over the terms the router matches (stems and adjacent stem pairs), so a
/// decision stays a sum of named, weighted words. It is a logistic regression on top of the
/// hand-written scores (``SoftmaxTrainer``) with every team's examples weighed equally in all,
/// kept sparse (at most ``LearnOptions/maxTerms`` per team, then trained again on those alone),
/// scaled to the router's thresholds, which it may lower for use with the learned terms
/// (``ScaleCalibration``), and it leaves alone the words that a
/// team without history claims by its hand-written signals, so that team keeps winning its messages.
public enum Learner {
    /// Learns from `examples`, whose teams are `config`'s; `config` holds the hand-written signals only.
    public static func learn(_ examples: [HistoryExample], config: RoutingConfig, options: LearnOptions = LearnOptions())
        -> LearnedModel {
        let names = config.teams.map(\.name)
        let index = Dictionary(names.enumerated().map { ($1, $0) }) { first, _ in first }
        let router = Router(config: config)
        var table = TermTable()
        var counts = [Int](repeating: 0, count: names.count)
        var prepared: [(label: Int, terms: [Int32], scores: [Double])] = []
        prepared.reserveCapacity(examples.count)
        for example in examples {
            guard let label = index[example.team] else { continue }
            counts[label] += 1
            prepared.append((label, table.add(example.text), baseScores(router, example.text, index: index)))
        }
        let termCount = table.terms.count
        // Examples holding each term, per team: evidence[term * teams + team].
        var evidence = [Int32](repeating: 0, count: termCount * names.count)
        for example in prepared {
            for term in example.terms { evidence[Int(term) * names.count + example.label] += 1 }
        }
        let fallback = index[config.router.fallback] ?? 0
        let learnable = counts.map { $0 >= max(1, options.minExamples) }
        let candidates = candidateTerms(table, evidence: evidence, teams: names.count, options: options, router: router,
                                        guarded: names.indices.filter { !learnable[$0] && $0 != fallback })
        let taught = counts.filter { $0 > 0 }.count
        let trainingSet = prepared.map { example in
            TrainingExample(label: example.label, terms: example.terms, baseScores: example.scores,
                            weight: min(8, max(0.25, Double(prepared.count) / Double(max(1, taught) * counts[example.label]))))
        }
        let trainer = SoftmaxTrainer(learnable: learnable)
        let everyCandidate = Set(candidates.terms.map { Int32($0) })
        /// Learns on the examples at `positions`: all candidates first, then again on each team's strongest.
        func fit(_ positions: [Int]) -> [[Int32: Double]] {
            let subset = positions.map { trainingSet[$0] }
            let first = trainer.train(subset, termCount: termCount,
                                      allowed: learnable.map { $0 ? everyCandidate : [] })
            let chosen = names.indices.map { team in
                Set(strongest(first[team], among: candidates.terms, limit: learnable[team] ? options.maxTerms : 0))
            }
            let weights = trainer.train(subset, termCount: termCount, allowed: chosen)
            return names.indices.map { team in
                Dictionary(uniqueKeysWithValues: chosen[team].map { ($0, weights[team][Int($0)]) })
            }
        }
        // No learned term weighs more than half of min-margin either way, so that learned words
        // correct the hand-written signals in numbers rather than outvote them one by one, and
        // a team without history keeps the messages its own signals win.
        let cap = max(0.5, config.router.minMargin / 2)
        let rule = DecisionRule(fallback: fallback, settings: config.router)
        let calibration = ScaleCalibration.best(trainingSet, teams: names.count, rule: rule, cap: cap, fit: fit)
        let scale = calibration.scale
        let learned = fit(Array(trainingSet.indices))
        let chosen = learned.map { $0.keys.map { Int($0) }.sorted() }
        let weights = learned.map { table in table.mapValues { min(cap, max(-cap, $0 * scale)) } }
        let teams = names.indices.map { team in
            var terms: [LearnedTerm] = []
            for term in chosen[team] {
                let weight = ((weights[team][Int32(term)] ?? 0) * 100).rounded() / 100
                guard weight != 0, let signal = candidates.texts[term] else { continue }
                let own = Int(evidence[term * names.count + team])
                let all = (0..<names.count).reduce(0) { $0 + Int(evidence[term * names.count + $1]) }
                terms.append(LearnedTerm(signal: signal, weight: weight, teamCount: own, otherCount: all - own))
            }
            terms.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.signal < $1.signal }
            let reason: String? = counts[team] == 0 ? "no examples"
                : learnable[team] ? nil : "\(counts[team]) examples, fewer than \(options.minExamples)"
            return LearnedModel.Team(name: names[team], examples: counts[team], terms: terms, withoutTerms: reason)
        }
        let thresholds = calibration.minScore == config.router.minScore && calibration.minMargin == config.router.minMargin
            ? nil : LearnedThresholds(minScore: calibration.minScore, minMargin: calibration.minMargin)
        return LearnedModel(teams: teams, guardedTerms: candidates.guarded, thresholds: thresholds)
    }

    /// Each team's score from the hand-written signals alone, in configuration order.
    static func baseScores(_ router: Router, _ text: String, index: [String: Int]) -> [Double] {
        var scores = [Double](repeating: 0, count: index.count)
        for score in router.route(subject: "", text: text, entities: false).scores {
            if let team = index[score.team] { scores[team] = score.score }
        }
        return scores
    }

    /// Terms seen often enough, written as a signal that matches them exactly, and not claimed by
    /// a positive hand-written signal of a `guarded` team (one without history).
    private static func candidateTerms(_ table: TermTable, evidence: [Int32], teams: Int, options: LearnOptions,
                                       router: Router, guarded: [Int])
        -> (terms: [Int], texts: [Int: String], guarded: Int) {
        let guardedNames = Set(guarded.map { router.config.teams[$0].name })
        var terms: [Int] = []
        var texts: [Int: String] = [:]
        var refused = 0
        for term in table.terms.indices {
            let seen = (0..<teams).reduce(0) { $0 + Int(evidence[term * teams + $1]) }
            guard seen >= options.minCount, let text = table.signalText(term) else { continue }
            let words = text.hasPrefix("\"") ? String(text.dropFirst().dropLast()) : text
            if !guardedNames.isEmpty,
               router.route(subject: "", text: words, entities: false).matches.contains(where: {
                   guardedNames.contains($0.team) && $0.weight > 0
               }) {
                refused += 1
                continue
            }
            terms.append(term)
            texts[term] = text
        }
        return (terms, texts, refused)
    }

    /// The `limit` terms of `terms` with the largest weights either way (ties by term number),
    /// leaving out weights too small to matter.
    private static func strongest(_ weights: [Double], among terms: [Int], limit: Int) -> [Int32] {
        guard limit > 0 else { return [] }
        let ranked = terms.filter { abs(weights[$0]) >= 0.05 }
            .sorted { abs(weights[$0]) != abs(weights[$1]) ? abs(weights[$0]) > abs(weights[$1]) : $0 < $1 }
        return ranked.prefix(limit).map { Int32($0) }
    }
}
