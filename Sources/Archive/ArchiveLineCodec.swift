/// Reads and writes archive lines: tab-separated fields in which `\`, tab, line feed and
/// carriage return are escaped as `\\`, `\t`, `\n` and `\r`, and the commas inside one signal
/// term of the signal list as `\c`.
public enum ArchiveLineCodec {
    /// Appends the line of `entry`, with its line feed.
    public static func append(_ entry: ArchiveEntry, to bytes: inout [UInt8]) {
        switch entry {
        case .message(let record):
            bytes.append(UInt8(ascii: "M"))
            for field in [record.id, record.receivedAt, record.queuedAt, String(record.delayMilliseconds), record.channel,
                          record.source, record.team, record.priority, record.fallback ? "1" : "0",
                          ScoreText.format(record.score), record.area] {
                appendField(field, to: &bytes)
            }
            bytes.append(0x09)
            for (index, term) in record.signals.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendEscaped(term, list: true, to: &bytes)
            }
            appendField(record.subject, to: &bytes)
            appendField(record.text, to: &bytes)
        case .correction(let correction):
            bytes.append(UInt8(ascii: "R"))
            for field in [correction.id, correction.from, correction.to, correction.time, correction.note] {
                appendField(field, to: &bytes)
            }
        case .accepted(let acceptance):
            bytes.append(UInt8(ascii: "A"))
            for field in [acceptance.id, acceptance.team, acceptance.time, String(acceptance.milliseconds)] {
                appendField(field, to: &bytes)
            }
        }
        bytes.append(0x0A)
    }

    /// The entry of one line (without its line feed), or nil for a line it does not know or
    /// that is cut short (a torn last line). With `text: false` a message's subject and text are
    /// left empty (for counting, where they would only cost time).
    public static func decode(_ line: ArraySlice<UInt8>, text withText: Bool = true) -> ArchiveEntry? {
        guard let kind = line.first else { return nil }
        let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
        switch kind {
        case UInt8(ascii: "M") where fields.count == 15 && fields[0].count == 1:
            guard let delay = Int(text(fields[4])), let score = Double(text(fields[10])) else { return nil }
            let signals = fields[12].isEmpty ? [] : fields[12].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(unescape)
            return .message(ArchiveRecord(
                id: text(fields[1]), receivedAt: text(fields[2]), queuedAt: text(fields[3]), delayMilliseconds: delay,
                channel: unescape(fields[5]), source: unescape(fields[6]), team: unescape(fields[7]),
                priority: text(fields[8]), fallback: fields[9].first == UInt8(ascii: "1"), score: score,
                area: unescape(fields[11]), signals: signals, subject: withText ? unescape(fields[13]) : "",
                text: withText ? unescape(fields[14]) : ""))
        case UInt8(ascii: "R") where fields.count == 6 && fields[0].count == 1:
            return .correction(ArchiveCorrection(
                id: text(fields[1]), from: unescape(fields[2]), to: unescape(fields[3]), time: text(fields[4]),
                note: unescape(fields[5])))
        case UInt8(ascii: "A") where fields.count == 5 && fields[0].count == 1:
            guard let milliseconds = Int(text(fields[4])) else { return nil }
            return .accepted(ArchiveAcceptance(id: text(fields[1]), team: unescape(fields[2]), time: text(fields[3]),
                                               milliseconds: milliseconds))
        default:
            return nil
        }
    }

    /// The message ID of a line, read without decoding the rest (for rewriting a segment).
    public static func id(of line: ArraySlice<UInt8>) -> Substring? {
        guard line.count > 2, line[line.startIndex + 1] == 0x09 else { return nil }
        let rest = line.dropFirst(2)
        let end = rest.firstIndex(of: 0x09) ?? rest.endIndex
        return Substring(decoding: rest[..<end], as: UTF8.self)
    }

    private static func appendField(_ field: String, to bytes: inout [UInt8]) {
        bytes.append(0x09)
        appendEscaped(field, list: false, to: &bytes)
    }

    private static func appendEscaped(_ field: String, list: Bool, to bytes: inout [UInt8]) {
        for byte in field.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: ",") where list: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "c")]
            default: bytes.append(byte)
            }
        }
    }

    private static func text(_ field: ArraySlice<UInt8>) -> String {
        String(decoding: field, as: UTF8.self)
    }

    private static func unescape(_ field: ArraySlice<UInt8>) -> String {
        guard field.contains(UInt8(ascii: "\\")) else { return text(field) }
        var out: [UInt8] = []
        out.reserveCapacity(field.count)
        var escaped = false
        for byte in field {
            if escaped {
                switch byte {
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "c"): out.append(UInt8(ascii: ","))
                default: out.append(byte)
                }
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Scores as the message JSON writes them: thousandths, without a trailing `.0`.
enum ScoreText {
    static func format(_ score: Double) -> String {
        let thousandths = (score * 1000).rounded()
        if thousandths.truncatingRemainder(dividingBy: 1000) == 0 { return String(Int(thousandths / 1000)) }
        return String(thousandths / 1000)
    }
}
