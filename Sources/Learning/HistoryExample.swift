/// One labelled message of a municipality's history: the team it went to, and its text.
public struct HistoryExample: Sendable, Hashable {
    /// The team, spelled as in the configuration (a category already mapped to its team).
    public var team: String
    /// The message text.
    public var text: String

    /// Creates an example.
    public init(team: String, text: String) {
        self.team = team
        self.text = text
    }
}

/// A problem with a history or map file that stops `learn`: where it is first seen, and how
/// many lines have it.
public struct HistoryError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The first line with the problem, from 1.
    public var line: Int
    /// What is wrong with it.
    public var message: String
    /// How many lines of the file have the same problem.
    public var count: Int

    /// Creates an error.
    public init(path: String, line: Int, message: String, count: Int = 1) {
        self.path = path
        self.line = line
        self.message = message
        self.count = count
    }

    /// `PATH:LINE: message (N lines like it)`; `PATH: message` for line 0 (the file as a whole).
    public var description: String {
        (line > 0 ? "\(path):\(line): " : "\(path): ") + message + (count > 1 ? " (\(count) lines like it)" : "")
    }
}

/// Splits a tab-separated file into its lines: `#` comments and blank lines are left out, a
/// line that is not UTF-8 is an error naming it.
enum TabSeparatedLines {
    /// The meaningful lines of `bytes` with their numbers (from 1), split at the first tab
    /// (`nil` second part when there is none).
    static func read(_ bytes: [UInt8], path: String) throws(HistoryError) -> [(line: Int, label: String, text: String?)] {
        var lines: [(line: Int, label: String, text: String?)] = []
        var firstInvalid: Int?
        var invalidCount = 0
        var number = 0
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            let line = raw.last == 0x0D ? raw.dropLast() : raw[...]
            guard let text = String(validating: line, as: UTF8.self) else {
                invalidCount += 1
                if firstInvalid == nil { firstInvalid = number }
                continue
            }
            if text.hasPrefix("#") || text.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            guard let tab = text.firstIndex(of: "\t") else {
                lines.append((number, text.trimmingSpaces, nil))
                continue
            }
            lines.append((number, String(text[..<tab]).trimmingSpaces, String(text[text.index(after: tab)...])))
        }
        if let firstInvalid {
            throw HistoryError(path: path, line: firstInvalid, message: "not valid UTF-8 (save the file as UTF-8)",
                               count: invalidCount)
        }
        return lines
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
