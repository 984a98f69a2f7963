import Foundation
import Learning
import Routing

/// The cross-validation table `learn --folds` prints.
enum LearnReport {
    static func crossValidation(_ result: CrossValidation.Result, folds: Int) -> String {
        let teams = result.handWritten.figures.filter { $0.expected > 0 }.map(\.team)
        let width = max(12, (teams.map(\.count).max() ?? 0) + 2)
        var lines = [
            "", "\(folds)-fold cross-validation over \(result.handWritten.total) examples:",
            "".padding(toLength: width, withPad: " ", startingAt: 0) + "  hand-written only        with learned terms",
            "".padding(toLength: width, withPad: " ", startingAt: 0) + "  precision recall  F1     precision recall  F1",
        ]
        let base = Dictionary(uniqueKeysWithValues: result.handWritten.figures.map { ($0.team, $0) })
        let learned = Dictionary(uniqueKeysWithValues: result.learned.figures.map { ($0.team, $0) })
        for team in teams {
            guard let before = base[team], let after = learned[team] else { continue }
            let row = team.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + figures(before) + "  " + figures(after)
            lines.append(String(row.reversed().drop { $0 == " " }.reversed()))
        }
        lines.append("accuracy".padding(toLength: width, withPad: " ", startingAt: 0)
            + "  \(format(result.handWritten.accuracy))".padding(toLength: 25, withPad: " ", startingAt: 0)
            + "\(format(result.learned.accuracy))")
        lines.append("macro-F1".padding(toLength: width, withPad: " ", startingAt: 0)
            + "  \(format(result.handWritten.macroF1))".padding(toLength: 25, withPad: " ", startingAt: 0)
            + "\(format(result.learned.macroF1))")
        return lines.joined(separator: "\n")
    }

    private static func figures(_ figure: Evaluation.TeamFigures) -> String {
        format(figure.precision).padding(toLength: 10, withPad: " ", startingAt: 0)
            + format(figure.recall).padding(toLength: 7, withPad: " ", startingAt: 0)
            + format(figure.f1).padding(toLength: 6, withPad: " ", startingAt: 0)
    }

    private static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
