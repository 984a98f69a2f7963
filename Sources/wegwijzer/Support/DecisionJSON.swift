import Messages
import Routing

/// The `classify --json` line for one decision: its members always in this order, absent
/// values as `null`. (`classify --lines --json` writes the same members through ``VerdictWriter``.)
enum DecisionJSON {
    /// Writes the object for `decision` about the message `input`.
    static func write(_ decision: Decision, input: String, location: Location, into json: inout JSONWriter) {
        json.beginObject()
        json.key(literal: "input")
        json.string(input)
        writeMembers(decision, location: location, into: &json)
        json.endObject()
    }

    /// Every member after `input`.
    private static func writeMembers(_ decision: Decision, location: Location, into json: inout JSONWriter) {
        json.key(literal: "team")
        json.string(decision.team)
        json.key(literal: "score")
        json.decimal(decision.score)
        json.key(literal: "confidence")
        json.decimal(decision.confidence, pointZero: true)
        json.key(literal: "fallback")
        json.bool(decision.fallback)
        json.key(literal: "priority")
        json.string(decision.priority.rawValue)
        json.key(literal: "reason")
        json.string(decision.reason.description)
        json.key(literal: "signals")
        json.beginArray()
        for match in decision.matches {
            json.beginObject()
            json.key(literal: "term")
            json.string(match.term)
            json.key(literal: "team")
            json.string(match.team)
            json.key(literal: "weight")
            json.decimal(match.weight)
            json.key(literal: "field")
            json.string(match.field.rawValue)
            json.key(literal: "position")
            json.integer(match.range.lowerBound)
            if match.learned {
                json.key(literal: "learned")
                json.bool(true)
            }
            json.endObject()
        }
        json.endArray()
        json.key(literal: "urgentTerms")
        json.beginArray()
        for term in decision.urgentTerms { json.string(term) }
        json.endArray()
        json.key(literal: "runnerUp")
        if let runnerUp = decision.runnerUp {
            json.beginObject()
            json.key(literal: "team")
            json.string(runnerUp.team)
            json.key(literal: "score")
            json.decimal(runnerUp.score)
            json.endObject()
        } else {
            json.null()
        }
        optional("postcode", location.postcode, into: &json)
        optional("houseNumber", location.houseNumber, into: &json)
        optional("street", location.street, into: &json)
        optional("place", location.place, into: &json)
        optional("area", location.area, into: &json)
        optional("areaBy", location.areaBy, into: &json)
    }

    /// A member that is `null` when absent (unlike ``JSONWriter/member(literal:_:)``, which leaves it out).
    private static func optional(_ name: StaticString, _ value: String?, into json: inout JSONWriter) {
        json.key(literal: name)
        if let value { json.string(value) } else { json.null() }
    }
}
