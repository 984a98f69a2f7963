/// The history of routed messages as `wegwijzer learn` reads it: `TEAM<TAB>TEXT`, the team
/// each message ended with after its corrections.
///
/// A fallback message that no one corrected says nothing about where it belongs and is left
/// out; a corrected one is kept with the team it was moved to. Each ID counts once.
public enum ArchiveHistory {
    /// The final team of every corrected message: the target of its last correction.
    public static func corrections(in store: ArchiveStore, period: ArchivePeriod) throws -> [String: String] {
        var teams: [String: String] = [:]
        try store.forEachLine(from: period.firstSegment) { line in
            guard line.first == UInt8(ascii: "R"), case .correction(let correction) = ArchiveLineCodec.decode(line) else {
                return
            }
            teams[correction.id] = correction.to
        }
        return teams
    }

    /// Calls `body` with one history line (without line feed) per archived message of `period`.
    public static func forEachLine(in store: ArchiveStore, period: ArchivePeriod, _ body: (String) throws -> Void) throws {
        let corrected = try corrections(in: store, period: period)
        var seen = Set<String>()
        try store.forEachEntry(from: period.firstSegment) { entry in
            guard case .message(let record) = entry, period.contains(record.receivedAt) else { return }
            guard let line = line(for: record, correctedTo: corrected[record.id]), seen.insert(record.id).inserted else {
                return
            }
            try body(line)
        }
    }

    /// The history line of one record, or nil when it is left out (an uncorrected fallback).
    public static func line(for record: ArchiveRecord, correctedTo: String?) -> String? {
        if record.fallback && correctedTo == nil { return nil }
        let text = record.subject.isEmpty ? record.text : record.subject + " " + record.text
        return (correctedTo ?? record.team) + "\t" + oneLine(text)
    }

    /// `text` with tabs and line breaks made spaces, and runs of them made one.
    static func oneLine(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var space = false
        for character in text {
            if character == "\t" || character.isNewline || character == " " {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" ") }
            space = false
            out.append(character)
        }
        return out
    }
}
