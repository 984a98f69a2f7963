import Messages

/// The report's figures as one JSON document (`report --json`, schema `wegwijzer.report/1`),
/// for dashboards. Documented in `docs/report.md`.
public enum ReportJSON {
    /// The schema name written into the document.
    public static let schema = "wegwijzer.report/1"
    /// Signal terms listed per team.
    public static let topSignals = 10

    /// The document, on one line with a final line feed.
    public static func bytes(_ figures: ReportFigures) -> [UInt8] {
        var json = JSONWriter(capacity: 4096)
        json.beginObject()
        json.key(literal: "areas")
        json.beginArray()
        for (area, count) in figures.areas.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            json.beginObject()
            json.member(literal: "area", area)
            json.count("messages", count)
            json.endObject()
        }
        json.endArray()
        json.key(literal: "channels")
        counts(figures.channels, into: &json)
        json.count("corrections", figures.corrections)
        json.key(literal: "days")
        json.beginArray()
        for name in figures.dayNames {
            let day = figures.days[name] ?? ReportFigures.Day()
            json.beginObject()
            json.key(literal: "channels")
            counts(day.channels, into: &json)
            json.member(literal: "day", name)
            json.count("fallback", day.fallback)
            json.fraction("fallbackShare", day.messages == 0 ? 0 : Double(day.fallback) / Double(day.messages))
            json.count("messages", day.messages)
            json.count("urgent", day.urgent)
            json.endObject()
        }
        json.endArray()
        json.count("fallback", figures.fallback)
        json.key(literal: "intake")
        if let intake = figures.intake {
            json.beginObject()
            json.count("deadLetters", intake.deadLetters)
            json.count("noise", intake.noise)
            json.count("rejected", intake.rejected)
            json.endObject()
        } else {
            json.null()
        }
        json.key(literal: "latency")
        json.beginObject()
        json.key(literal: "endpoint")
        delays(median: figures.endpointDelay(percentile: 0.5), p95: figures.endpointDelay(percentile: 0.95), count: figures.endpointDelays.count,
               into: &json)
        json.key(literal: "queue")
        delays(median: figures.queueDelay(percentile: 0.5), p95: figures.queueDelay(percentile: 0.95), count: figures.queueDelays.count,
               into: &json)
        json.endObject()
        json.count("messages", figures.messages)
        json.member(literal: "schema", schema)
        json.member(literal: "since", figures.period.since)
        json.key(literal: "teams")
        json.beginArray()
        for (name, team) in figures.teams.sorted(by: { $0.key < $1.key }) {
            json.beginObject()
            json.count("messages", team.messages)
            json.count("reroutedAway", team.reroutedAway)
            json.count("reroutedIn", team.reroutedIn)
            json.fraction("reroutedShare", team.reroutedShare)
            json.key(literal: "reroutedTo")
            counts(team.reroutedTo, into: &json)
            json.count("routed", team.routed)
            json.key(literal: "signals")
            json.beginArray()
            for (term, count) in team.topSignals(topSignals) {
                json.beginObject()
                json.count("count", count)
                json.member(literal: "term", term)
                json.endObject()
            }
            json.endArray()
            json.member(literal: "team", name)
            json.count("urgent", team.urgent)
            json.endObject()
        }
        json.endArray()
        json.member(literal: "until", figures.period.until)
        json.count("urgent", figures.urgent)
        json.endObject()
        json.newline()
        return json.bytes
    }

    private static func counts(_ counts: [String: Int], into json: inout JSONWriter) {
        json.beginObject()
        for key in counts.keys.sorted() {
            json.key(key)
            json.integer(counts[key] ?? 0)
        }
        json.endObject()
    }

    private static func delays(median: Int?, p95: Int?, count: Int, into json: inout JSONWriter) {
        json.beginObject()
        json.key(literal: "medianMs")
        optional(median, into: &json)
        json.count("messages", count)
        json.key(literal: "p95Ms")
        optional(p95, into: &json)
        json.endObject()
    }

    private static func optional(_ value: Int?, into json: inout JSONWriter) {
        if let value { json.integer(value) } else { json.null() }
    }
}

extension JSONWriter {
    /// Writes a member whose value is a whole number.
    mutating func count(_ name: StaticString, _ value: Int) {
        key(literal: name)
        integer(value)
    }

    /// Writes a member whose value is a number with at most three decimals.
    mutating func fraction(_ name: StaticString, _ value: Double) {
        key(literal: name)
        decimal(value)
    }
}
