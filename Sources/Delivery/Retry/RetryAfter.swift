import Foundation
import Glibc

/// The `Retry-After` response header (RFC 9110 §10.2.3): a number of seconds, or an HTTP-date
/// in any of its three forms (IMF-fixdate, RFC 850, asctime).
public enum RetryAfter {
    /// The delay `value` asks for, counted from `now`, in seconds (0 for a date in the past);
    /// `nil` when the value is neither form.
    public static func delay(_ value: String, now: Date) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return Double(text.prefix(12)).map { min($0, 1e11) }
        }
        guard let date = httpDate(text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Parses an HTTP-date: `Sun, 06 Nov 1994 08:49:37 GMT`, `Sunday, 06-Nov-94 08:49:37 GMT`
    /// or `Sun Nov  6 08:49:37 1994`.
    public static func httpDate(_ text: String) -> Date? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }).map(String.init)
        guard tokens.count >= 5 else { return nil }
        let rest = Array(tokens.dropFirst())  // the weekday
        let day: Int?, month: Int?, year: Int?, clock: String
        if let asctimeMonth = monthNumber(rest[0]) {  // asctime: Nov 6 08:49:37 1994
            guard rest.count == 4 else { return nil }
            (month, day, clock, year) = (asctimeMonth, Int(rest[1]), rest[2], Int(rest[3]))
        } else {  // IMF-fixdate or RFC 850: 06 Nov 1994 08:49:37 GMT
            guard rest.count == 5, rest[4] == "GMT" else { return nil }
            (day, month, clock) = (Int(rest[0]), monthNumber(rest[1]), rest[3])
            year = Int(rest[2]).map { rest[2].count == 2 ? twoDigitYear($0) : $0 }
        }
        let parts = clock.split(separator: ":").map { Int($0) }
        guard let day, let month, let year, parts.count == 3, let hour = parts[0], let minute = parts[1],
              let second = parts[2], (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
              (0...60).contains(second), (1900...9999).contains(year) else { return nil }
        return Date(timeIntervalSince1970: RFC3339.utcSeconds(year, month, day, hour, minute, second))
    }

    private static func monthNumber(_ token: String) -> Int? {
        months.firstIndex(of: token.lowercased()).map { $0 + 1 }
    }

    /// RFC 9110: a two-digit year more than 50 years in the future is in the past century.
    private static func twoDigitYear(_ year: Int) -> Int {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        let current = Int(parts.tm_year) + 1900
        var full = current - current % 100 + year
        if full > current + 50 { full -= 100 }
        return full
    }
}
