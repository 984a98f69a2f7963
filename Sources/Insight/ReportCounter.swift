import Archive

/// Counts the archive into ``ReportFigures``: first its corrections, then its messages, so
/// that each message counts with the team it ended with. Keeps counts and one set of IDs, not
/// the messages, so a million records fit in little memory.
public enum ReportCounter {
    /// The figures of `period` in `store`.
    public static func figures(of store: ArchiveStore, period: ArchivePeriod) throws -> ReportFigures {
        var corrections: [String: [ArchiveCorrection]] = [:]
        var accepted: [String: Int] = [:]
        try store.forEachLine(from: period.firstSegment) { line in
            guard line.first == UInt8(ascii: "R") || line.first == UInt8(ascii: "A") else { return }
            switch ArchiveLineCodec.decode(line) {
            case .correction(let correction)?:
                // A correction recovery archived twice counts once.
                if corrections[correction.id]?.contains(correction) != true { corrections[correction.id, default: []].append(correction) }
            case .accepted(let acceptance)?:
                // The last acceptance: after a correction, the new team's endpoint.
                accepted[acceptance.id] = acceptance.milliseconds
            default:
                break
            }
        }
        var counter = Counting(figures: ReportFigures(period: period), corrections: corrections, accepted: accepted)
        try store.forEachLine(from: period.firstSegment) { line in
            guard line.first == UInt8(ascii: "M"), case .message(let record)? = ArchiveLineCodec.decode(line, text: false) else { return }
            counter.add(record)
        }
        counter.figures.queueDelays.sort()
        counter.figures.endpointDelays.sort()
        return counter.figures
    }

    /// The counts so far.
    struct Counting {
        var figures: ReportFigures
        let corrections: [String: [ArchiveCorrection]]
        let accepted: [String: Int]
        var seen = Set<String>()

        /// Counts one archived message, once per ID, when it was received in the period.
        mutating func add(_ record: ArchiveRecord) {
            guard figures.period.contains(record.receivedAt), seen.insert(record.id).inserted else { return }
            let moves = corrections[record.id] ?? []
            let team = moves.last?.to ?? record.team
            figures.messages += 1
            // Changed in place, not copied out and back (which would copy its dictionary each time).
            let key = String(record.day)
            figures.days[key, default: ReportFigures.Day()].messages += 1
            figures.days[key, default: ReportFigures.Day()].channels[record.channel, default: 0] += 1
            if record.fallback { figures.days[key, default: ReportFigures.Day()].fallback += 1 }
            if record.priority == "urgent" { figures.days[key, default: ReportFigures.Day()].urgent += 1 }
            figures.teams[record.team, default: ReportFigures.Team()].routed += 1
            for term in record.signals { figures.teams[record.team, default: ReportFigures.Team()].signals[term, default: 0] += 1 }
            figures.teams[team, default: ReportFigures.Team()].messages += 1
            if record.priority == "urgent" { figures.teams[team, default: ReportFigures.Team()].urgent += 1 }
            for move in moves {
                figures.corrections += 1
                figures.teams[move.from, default: ReportFigures.Team()].reroutedTo[move.to, default: 0] += 1
                figures.teams[move.to, default: ReportFigures.Team()].reroutedIn += 1
            }
            figures.areas[record.area, default: 0] += 1
            figures.queueDelays.append(record.delayMilliseconds)
            if let milliseconds = accepted[record.id] { figures.endpointDelays.append(record.delayMilliseconds + milliseconds) }
        }
    }
}
