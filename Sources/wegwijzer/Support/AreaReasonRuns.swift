import Messages
import Routing

/// The reason of a decision that an area team took over, `signals; area NAME by KIND VALUE`,
/// written as a JSON string from runs escaped once per area, for `classify --lines --json`:
/// building the text for every message would cost more than the area look-up itself.
struct AreaReasonRuns {
    /// `"signals; area NAME by ` (opening quote, escaped name), by area index.
    private let heads: [[UInt8]]

    /// Escapes the area names of `config`.
    init(config: RoutingConfig) {
        heads = config.areas.map { area in Array(VerdictWriter.quoted("signals; area \(area.name) by ").dropLast()) }
    }

    /// Writes the reason of `verdict` when signals decided and an area team took the message
    /// over inside an area with a clue that needs no escaping; false (nothing written) otherwise.
    func write(_ verdict: Verdict, into json: inout JSONWriter) -> Bool {
        guard case .area(_, .signals) = verdict.reason, let finding = verdict.entities.finding,
              let area = finding.area, area < heads.count else { return false }
        var value = finding.value
        let plain = value.withUTF8 { bytes in !bytes.contains { $0 < 0x20 || $0 >= 0x7F || $0 == 0x22 || $0 == 0x5C } }
        guard plain else { return false }
        heads[area].withUnsafeBufferPointer { json.raw($0) }
        switch finding.by {
        case .point: json.raw(literal: "point ")
        case .postcode: json.raw(literal: "postcode ")
        case .street: json.raw(literal: "street ")
        case .place: json.raw(literal: "place ")
        }
        value.withUTF8 { json.raw($0) }
        json.raw(literal: "\"")
        return true
    }
}
