import Messages
import Routing

/// Writes `classify --lines` output for a ``Verdict``: the `--json` line (the same bytes as
/// ``DecisionJSON``) and the plain line, with the configuration's team names and terms escaped
/// once instead of for every message.
struct VerdictWriter {
    /// Each team's name as a JSON string, by team index.
    private let teams: [[UInt8]]
    /// Each team's name as written, by team index.
    private let plainTeams: [[UInt8]]
    /// Each signal's term as a JSON string, by team and signal index.
    private let terms: [[[UInt8]]]
    /// Where each team's signals start in the flat signal numbering of `learned` and `textHits`.
    private let signalBase: [Int]
    /// Whether each signal is learned, by flat signal index.
    private let learned: [Bool]
    /// Each priority word as a JSON string, by index.
    private let urgent: [[UInt8]]
    /// `","team":NAME,"score":`, closing the input and opening the score, by team index.
    private let teamHeads: PreparedRuns
    /// `{"team":NAME,"score":`, the runner-up up to its score, by team index.
    private let runnerUpHeads: PreparedRuns
    /// A signal matched in the text, up to its position:
    /// `{"term":TERM,"team":NAME,"weight":WEIGHT,"field":"text","position":`, by flat signal index.
    private let textHits: PreparedRuns
    /// The same runs after a comma (`,{"term":…`), for every hit but the first.
    private let laterTextHits: PreparedRuns
    /// The reasons of decisions that area teams took over.
    private let areaReasons: AreaReasonRuns

    /// Escapes the names and terms of `config`.
    init(config: RoutingConfig) {
        let teams = config.teams.map { VerdictWriter.quoted($0.name) }
        let terms = config.teams.map { team in team.signals.map { VerdictWriter.quoted($0.text) } }
        self.teams = teams
        self.terms = terms
        plainTeams = config.teams.map { Array($0.name.utf8) }
        learned = config.teams.flatMap { team in team.signals.map(\.learned) }
        var base = 0
        signalBase = config.teams.map { team in
            defer { base += team.signals.count }
            return base
        }
        urgent = config.router.urgent.map { VerdictWriter.quoted($0.text) }
        var teamHeads = PreparedRuns()
        var runnerUpHeads = PreparedRuns()
        for team in teams {
            teamHeads.append(Array("\",\"team\":".utf8) + team + Array(",\"score\":".utf8))
            runnerUpHeads.append(Array("{\"team\":".utf8) + team + Array(",\"score\":".utf8))
        }
        self.teamHeads = teamHeads
        self.runnerUpHeads = runnerUpHeads
        var textHits = PreparedRuns()
        var laterTextHits = PreparedRuns()
        for team in config.teams.indices {
            for signal in config.teams[team].signals.indices {
                var json = JSONWriter(capacity: 128)
                json.raw(literal: "{\"term\":")
                terms[team][signal].withUnsafeBufferPointer { json.raw($0) }
                json.raw(literal: ",\"team\":")
                teams[team].withUnsafeBufferPointer { json.raw($0) }
                json.raw(literal: ",\"weight\":")
                json.decimal(config.teams[team].signals[signal].weight)
                json.raw(literal: ",\"field\":\"text\",\"position\":")
                textHits.append(json.bytes)
                laterTextHits.append([UInt8(ascii: ",")] + json.bytes)
            }
        }
        self.textHits = textHits
        self.laterTextHits = laterTextHits
        areaReasons = AreaReasonRuns(config: config)
    }

    /// `{"input":"NAME:`, the start of every object about a line of the input `name`, to be
    /// followed by the line number (as ``JSONWriter/string(_:line:)`` writes `NAME:LINE`).
    static func openInput(_ name: String) -> [UInt8] {
        var bytes = quoted(name)
        bytes.removeLast()
        return Array("{\"input\":".utf8) + bytes + [UInt8(ascii: ":")]
    }

    /// Appends the `--json` object for `verdict` about line `line` of the input whose
    /// ``openInput(_:)`` is `input`, and a newline.
    func writeJSON(_ verdict: Verdict, input: [UInt8], line: Int, into json: inout JSONWriter) {
        input.withUnsafeBufferPointer { json.raw($0) }
        json.digits(line)
        teamHeads.withRun(verdict.team) { json.raw($0) }
        json.decimal(verdict.score)
        json.raw(literal: ",\"confidence\":")
        json.decimal(verdict.confidence, pointZero: true)
        json.raw(literal: verdict.fallback ? ",\"fallback\":true" : ",\"fallback\":false")
        json.raw(literal: verdict.urgent.isEmpty ? ",\"priority\":\"normal\",\"reason\":" : ",\"priority\":\"urgent\",\"reason\":")
        switch verdict.reason {
        case .signals:
            json.raw(literal: "\"signals\"")
        // The fallbacks' reasons as DecisionReason.description words them, without making the text.
        case .belowMinScore(let score, let minimum):
            writeBelow(literal: "\"below min-score (", score, minimum, into: &json)
        case .belowMinMargin(let margin, let minimum):
            writeBelow(literal: "\"below min-margin (", margin, minimum, into: &json)
        default:
            if !areaReasons.write(verdict, into: &json) { json.string(verdict.reason.description) }
        }
        json.raw(literal: ",\"signals\":[")
        for (index, hit) in verdict.hits.enumerated() {
            let signal = signalBase[hit.team] + hit.signal
            if hit.field == .text {
                if index == 0 {
                    textHits.withRun(signal) { json.raw($0) }
                } else {
                    laterTextHits.withRun(signal) { json.raw($0) }
                }
            } else {
                json.raw(literal: index == 0 ? "{\"term\":" : ",{\"term\":")
                terms[hit.team][hit.signal].withUnsafeBufferPointer { json.raw($0) }
                json.raw(literal: ",\"team\":")
                teams[hit.team].withUnsafeBufferPointer { json.raw($0) }
                json.raw(literal: ",\"weight\":")
                json.decimal(hit.weight)
                json.raw(literal: ",\"field\":\"subject\",\"position\":")
            }
            json.digits(hit.range.lowerBound)
            json.raw(literal: learned[signal] ? ",\"learned\":true}" : "}")
        }
        json.raw(literal: "],\"urgentTerms\":[")
        for (index, term) in verdict.urgent.enumerated() {
            if index > 0 { json.raw(literal: ",") }
            urgent[term].withUnsafeBufferPointer { json.raw($0) }
        }
        json.raw(literal: "],\"runnerUp\":")
        if let runnerUp = verdict.runnerUp {
            runnerUpHeads.withRun(runnerUp.team) { json.raw($0) }
            json.decimal(runnerUp.score)
            json.raw(literal: "}")
        } else {
            json.raw(literal: "null")
        }
        // Read in place: a copy of the entities would retain each of their strings and arrays.
        if verdict.entities.postcode == nil && verdict.entities.houseNumber == nil && verdict.entities.street == nil
            && verdict.entities.place == nil && verdict.entities.area == nil {
            // Most short reports name no location.
            json.raw(literal: ",\"postcode\":null,\"houseNumber\":null,\"street\":null,\"place\":null,\"area\":null,\"areaBy\":null}\n")
            return
        }
        json.raw(literal: ",\"postcode\":")
        optional(verdict.entities.postcode, into: &json)
        json.raw(literal: ",\"houseNumber\":")
        optional(verdict.entities.houseNumber, into: &json)
        json.raw(literal: ",\"street\":")
        optional(verdict.entities.street, into: &json)
        json.raw(literal: ",\"place\":")
        optional(verdict.entities.place, into: &json)
        json.raw(literal: ",\"area\":")
        optional(verdict.entities.area, into: &json)
        json.raw(literal: ",\"areaBy\":")
        optional(verdict.entities.area == nil ? nil : verdict.entities.finding?.by.rawValue, into: &json)
        json.raw(literal: "}\n")
    }

    /// `"below min-score (2 < 4)"`: `opening`, the two numbers as ``ScoreText/format(_:)``
    /// writes them (nothing in them to escape), and the closing.
    private func writeBelow(literal opening: StaticString, _ value: Double, _ minimum: Double, into json: inout JSONWriter) {
        json.raw(literal: opening)
        json.decimal(value)
        json.raw(literal: " < ")
        json.decimal(minimum)
        json.raw(literal: ")\"")
    }

    /// Appends `TEAM<TAB>SCORE<TAB>REASON<TAB>NAME:LINE` and a newline, `name` being the input's
    /// name as written.
    func writePlain(_ verdict: Verdict, name: [UInt8], line: Int, into out: inout JSONWriter) {
        plainTeams[verdict.team].withUnsafeBufferPointer { out.raw($0) }
        out.raw(literal: "\t")
        out.decimal(verdict.score)
        if verdict.reason.isSignals {
            out.raw(literal: "\tsignals\t")
        } else {
            out.raw(literal: "\t")
            var reason = verdict.reason.description
            reason.withUTF8 { out.raw($0) }
            out.raw(literal: "\t")
        }
        name.withUnsafeBufferPointer { out.raw($0) }
        out.raw(literal: ":")
        out.integer(line)
        out.raw(literal: "\n")
    }

    private func optional(_ value: String?, into json: inout JSONWriter) {
        if let value { json.string(value) } else { json.raw(literal: "null") }
    }

    static func quoted(_ text: String) -> [UInt8] {
        var json = JSONWriter(capacity: text.utf8.count + 16)
        json.string(text)
        return json.bytes
    }
}
