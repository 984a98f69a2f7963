import Messages
import Routing

/// The `classify --json` line for one decision.
enum DecisionJSON {
    static func line(_ decision: Decision, input: String, location: Location) -> String {
        var json = JSONText()
        json.string("input", input)
        json.string("team", decision.team)
        json.raw("score", ScoreText.format(decision.score))
        json.double("confidence", decision.confidence)
        json.bool("fallback", decision.fallback)
        json.string("priority", decision.priority.rawValue)
        json.string("reason", decision.reason.description)
        json.raw("signals", "[" + decision.matches.map(signal).joined(separator: ",") + "]")
        json.raw("urgentTerms", "[" + decision.urgentTerms.map(JSONText.quote).joined(separator: ",") + "]")
        if let runnerUp = decision.runnerUp {
            var object = JSONText()
            object.string("team", runnerUp.team)
            object.raw("score", ScoreText.format(runnerUp.score))
            json.raw("runnerUp", object.object)
        } else {
            json.raw("runnerUp", "null")
        }
        json.string("postcode", location.postcode)
        json.string("houseNumber", location.houseNumber)
        json.string("street", location.street)
        json.string("place", location.place)
        json.string("area", location.area)
        return json.object
    }

    private static func signal(_ match: SignalMatch) -> String {
        var json = JSONText()
        json.string("term", match.term)
        json.string("team", match.team)
        json.raw("weight", ScoreText.format(match.weight))
        json.string("field", match.field.rawValue)
        json.int("position", match.range.lowerBound)
        return json.object
    }
}
