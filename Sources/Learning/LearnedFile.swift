import Routing

/// Writes a ``LearnedModel`` as a learned signal file in routing.conf syntax: a header that says
/// where it comes from, a `[router]` section with the thresholds when learning lowered them,
/// then one `[team NAME]` section per team with learned terms, one `signals = term:weight` line
/// per term with its evidence.
public struct LearnedFile: Sendable {
    /// Where the model came from, for the header.
    public struct Provenance: Sendable {
        /// The history files and the examples each gave.
        public var sources: [(path: String, examples: Int)]
        /// Lines skipped: empty texts, duplicates.
        public var emptyTexts: Int
        public var duplicates: Int
        /// The day it was written, `YYYY-MM-DD`.
        public var date: String
        /// The configuration learned on, and the hash of its file.
        public var configPath: String
        public var configHash: String
        /// The options used.
        public var options: LearnOptions

        /// Creates a provenance.
        public init(sources: [(path: String, examples: Int)], emptyTexts: Int = 0, duplicates: Int = 0, date: String,
                    configPath: String, configHash: String, options: LearnOptions) {
            self.sources = sources
            self.emptyTexts = emptyTexts
            self.duplicates = duplicates
            self.date = date
            self.configPath = configPath
            self.configHash = configHash
            self.options = options
        }
    }

    /// The file's text.
    public static func render(_ model: LearnedModel, provenance: Provenance) -> String {
        var lines = [
            "# Learned signals for Wegwijzer, written by `wegwijzer learn`.",
            "# Load them with `learned = FILE` in routing.conf's [router]; they add to the teams' own signals.",
            "# Review them: edit a weight or delete a line, then run `wegwijzer check` and reload (SIGHUP).",
            "#",
            "# sources:  " + provenance.sources.map { "\($0.path) (\($0.examples) examples)" }.joined(separator: ", "),
            "# skipped:  \(provenance.emptyTexts) empty texts, \(provenance.duplicates) duplicate lines",
            "# examples: " + model.teams.filter { $0.examples > 0 }.map { "\($0.name) \($0.examples)" }.joined(separator: ", "),
            "# date:     \(provenance.date)",
            "# config:   \(provenance.configPath) (hash \(provenance.configHash))",
            "# model:    linear over stems and word pairs, trained on the router's own rule with every team weighed",
            "#           equally; at most \(provenance.options.maxTerms) terms per team, each seen in at least "
                + "\(provenance.options.minCount) examples",
        ]
        let without = model.teams.filter { $0.terms.isEmpty }.map { "\($0.name) (\($0.withoutTerms ?? "no terms"))" }
        if !without.isEmpty { lines.append("# no terms: " + without.joined(separator: ", ")) }
        if model.guardedTerms > 0 {
            lines.append("# guarded:  \(model.guardedTerms) terms left out that a team without history claims by its own signals")
        }
        lines.append("# evidence: after each term, the examples of the team that hold it, and those of other teams")
        if let thresholds = model.thresholds {
            lines += ["", "[router]",
                      "# With these terms, lower thresholds routed the history better (chosen with the weights' scale in a",
                      "# 3-fold split of it); they replace the configuration's only while this file is loaded.",
                      "min-score = \(ScoreText.format(thresholds.minScore))",
                      "min-margin = \(ScoreText.format(thresholds.minMargin))"]
        }
        for team in model.teams where !team.terms.isEmpty {
            lines += ["", "[team \(team.name)]"]
            let width = min(40, (team.terms.map { $0.signal.count + ScoreText.format($0.weight).count }.max() ?? 0) + 12)
            for term in team.terms {
                let entry = "signals = \(term.signal):\(ScoreText.format(term.weight))"
                let padding = String(repeating: " ", count: max(1, width - entry.count + 1))
                lines.append(entry + padding + "# \(term.teamCount) \(team.name), \(term.otherCount) other")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
