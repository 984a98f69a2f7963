import Routing
import Text

/// The `classify --explain` text: for people reading why a message went where it went.
enum Explanation {
    static func render(_ decision: Decision, input: ClassifyInput, settings: RouterSettings) -> String {
        var lines = ["== \(input.name)"]
        let verdict = decision.fallback ? "fallback" : "routed"
        lines.append("team:      \(decision.team) (\(verdict): \(decision.reason))")
        lines.append("priority:  \(decision.priority.rawValue)"
            + (decision.urgentTerms.isEmpty ? "" : " (" + decision.urgentTerms.joined(separator: ", ") + ")"))
        lines.append("confidence: \(decision.confidence)")
        lines.append("scores:")
        for score in decision.scores {
            let terms = decision.matches.filter { $0.team == score.team }
                .map { "\($0.term) \($0.weight > 0 ? "+" : "")\(ScoreText.format($0.weight))\($0.field == .subject ? " (subject)" : "")\($0.learned ? " (learned)" : "")" }
            lines.append("  " + ScoreText.format(score.score).leftPadded(5) + "  " + score.team.padding(toLength: 14, withPad: " ", startingAt: 0)
                + terms.joined(separator: ", "))
        }
        lines.append("threshold: " + threshold(decision, reason: decision.reason, settings: settings))
        let entities = decision.entities
        let location = [
            entities.postcode.map { "postcode \($0)" }, entities.houseNumber.map { "house number \($0)" },
            entities.street.map { "street \($0)" }, entities.place.map { "place \($0)" }, entities.area.map { "area \($0)" },
            entities.bsnCount > 0 ? "\(entities.bsnCount) BSN (not shown)" : nil,
        ].compactMap { $0 }
        if !location.isEmpty { lines.append("location:  " + location.joined(separator: ", ")) }
        lines += areaLines(decision)
        if !input.subject.isEmpty {
            lines.append("subject:   " + marked(input.subject, decision.matches.filter { $0.field == .subject }))
        }
        lines.append("text:")
        let text = marked(input.text, decision.matches.filter { $0.field == .text })
        var textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let last = textLines.last, last.allSatisfy(\.isWhitespace) { textLines.removeLast() }
        for line in textLines.prefix(60) { lines.append("  " + line) }
        if textLines.count > 60 { lines.append("  … (\(textLines.count - 60) more lines)") }
        return lines.joined(separator: "\n")
    }

    /// How the area was found and, when an area team took the message over, which.
    private static func areaLines(_ decision: Decision) -> [String] {
        guard let finding = decision.entities.finding else { return [] }
        var lines: [String] = []
        if let area = decision.entities.area {
            lines.append("area:      \(area), found by \(finding.clue)")
        } else {
            lines.append("area:      outside every area (\(finding.clue))")
        }
        if case .area(let route, _) = decision.reason {
            lines.append(route.area == nil
                ? "takeover:  \(decision.team) gets the message of \(route.decidedTeam): it lies outside every area ([router] outside)"
                : "takeover:  \(decision.team) takes over the message of \(route.decidedTeam) in area \(route.area ?? "")")
        }
        return lines
    }

    private static func threshold(_ decision: Decision, reason: DecisionReason, settings: RouterSettings) -> String {
        let best = decision.scores.first?.score ?? 0
        let second = max(decision.runnerUp?.score ?? 0, 0)
        switch reason {
        case .signals:
            return "best \(ScoreText.format(best)) ≥ min-score \(ScoreText.format(settings.minScore)) and margin "
                + "\(ScoreText.format(best - second)) ≥ min-margin \(ScoreText.format(settings.minMargin))"
        case .empty:
            return "no words: fallback"
        case .belowMinScore(let score, let minimum):
            return "best \(ScoreText.format(score)) < min-score \(ScoreText.format(minimum)): fallback"
        case .belowMinMargin(let margin, let minimum):
            return "margin \(ScoreText.format(margin)) over the runner-up < min-margin \(ScoreText.format(minimum)): fallback"
        case .override(let reason):
            return reason
        case .area(_, let base):
            return threshold(decision, reason: base, settings: settings)
        }
    }

    /// The text with every matched span in `[brackets]`, BSNs redacted.
    private static func marked(_ text: String, _ matches: [SignalMatch]) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var cursor = 0
        for range in matches.map(\.range).sorted(by: { $0.lowerBound < $1.lowerBound })
        where range.lowerBound >= cursor && range.upperBound <= bytes.count {
            out += bytes[cursor..<range.lowerBound]
            out.append(0x5B)
            out += bytes[range]
            out.append(0x5D)
            cursor = range.upperBound
        }
        out += bytes[min(cursor, bytes.count)...]
        return Redaction.redactBSNs(String(decoding: out, as: UTF8.self))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
