import Foundation

/// The Prometheus text exposition format (version 0.0.4) of the daemon's metrics.
public enum MetricsText {
    /// The `Content-Type` of the text.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Gauges read when the metrics are asked for.
    public struct Gauges: Sendable, Equatable {
        /// Messages waiting in each team's `new/`, in configuration order.
        public var queueDepths: [(team: String, depth: Int)]
        /// Dead letters waiting in `STATE/dead/`.
        public var deadLetters: Int
        /// Resident memory in bytes.
        public var residentBytes: Int
        /// Seconds since the daemon started.
        public var uptime: Double

        /// Creates the gauges.
        public init(queueDepths: [(team: String, depth: Int)], deadLetters: Int, residentBytes: Int, uptime: Double) {
            self.queueDepths = queueDepths
            self.deadLetters = deadLetters
            self.residentBytes = residentBytes
            self.uptime = uptime
        }

        public static func == (lhs: Gauges, rhs: Gauges) -> Bool {
            lhs.queueDepths.elementsEqual(rhs.queueDepths) { $0 == $1 } && lhs.deadLetters == rhs.deadLetters
                && lhs.residentBytes == rhs.residentBytes && lhs.uptime == rhs.uptime
        }
    }

    /// Renders counters and gauges, families in a fixed order, labels sorted.
    public static func render(_ counters: Metrics.Snapshot, _ gauges: Gauges) -> String {
        var text = ""
        family(&text, "wegwijzer_received_total", "counter", "Messages taken in, by channel.",
               counters.received.map { (["channel": $0.key], Double($0.value)) })
        family(&text, "wegwijzer_routed_total", "counter", "Messages committed, by team.",
               counters.routed.map { (["team": $0.key], Double($0.value)) })
        family(&text, "wegwijzer_fallbacks_total", "counter", "Messages sent to the fallback team because no signal settled them.",
               [([:], Double(counters.fallbacks))])
        family(&text, "wegwijzer_rejected_total", "counter", "Inputs and requests refused, by reason.",
               counters.rejected.map { (["reason": $0.key], Double($0.value)) })
        family(&text, "wegwijzer_deliveries_total", "counter", "Delivery attempts to team endpoints, by result.",
               counters.deliveries.map { (["result": $0.key], Double($0.value)) })
        family(&text, "wegwijzer_dead_lettered_total", "counter", "Messages that became dead letters.",
               [([:], Double(counters.deadLettered))])
        family(&text, "wegwijzer_receipts_total", "counter",
               "Receipts to citizens, by result: sent, retried (an attempt failed), dead, withheld (per-address limit).",
               counters.receipts.map { (["result": $0.key], Double($0.value)) })
        family(&text, "wegwijzer_dead_letters", "gauge", "Dead letters waiting in the state folder.",
               [([:], Double(gauges.deadLetters))])
        family(&text, "wegwijzer_queue_depth", "gauge", "Messages waiting in a team's queue.",
               gauges.queueDepths.map { (["team": $0.team], Double($0.depth)) })
        family(&text, "wegwijzer_retention_removed_total", "counter", "Items removed by the retention sweep, by kind.",
               counters.retentionRemoved.map { (["kind": $0.key], Double($0.value)) })
        family(&text, "wegwijzer_unclaimed_over_retention", "gauge",
               "Messages still unclaimed in a queue's new/ that are older than retention (never removed).",
               [([:], Double(counters.unclaimedOverRetention))])
        family(&text, "wegwijzer_http_requests_total", "counter", "HTTP requests answered, by status code.",
               counters.httpResponses.map { (["code": String($0.key)], Double($0.value)) })
        family(&text, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.",
               [([:], Double(gauges.residentBytes))])
        family(&text, "wegwijzer_uptime_seconds", "gauge", "Seconds since the daemon started.",
               [([:], gauges.uptime)])
        return text
    }

    private static func family(_ text: inout String, _ name: String, _ type: String, _ help: String,
                               _ samples: [(labels: [String: String], value: Double)]) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        let lines = samples.map { sample -> String in
            let labels = sample.labels.keys.sorted().map { "\($0)=\"\(escape(sample.labels[$0] ?? ""))\"" }
            return name + (labels.isEmpty ? "" : "{" + labels.joined(separator: ",") + "}") + " " + number(sample.value)
        }
        for line in lines.sorted() { text += line + "\n" }
    }

    /// Label values escape backslash, double quote and line feed.
    static func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.3f", value)
    }
}

/// Facts about this process, read from `/proc`.
public enum ProcessStats {
    /// Resident memory in bytes, from `/proc/self/statm` (second field, in pages).
    public static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count >= 2, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
