import Foundation

/// One labelled message of a `CASES.tsv` file: `expected-team<TAB>text`.
public struct GoldenCase: Sendable, Hashable {
    /// Line number in the file, from 1.
    public var line: Int
    /// The team the message should go to.
    public var expectedTeam: String
    /// The message text.
    public var text: String

    /// Creates a case.
    public init(line: Int, expectedTeam: String, text: String) {
        self.line = line
        self.expectedTeam = expectedTeam
        self.text = text
    }

    /// Parses a cases file; blank lines and `#` comments are skipped.
    /// Throws ``GoldenCaseError`` naming the first malformed line.
    public static func parse(_ content: String) throws(GoldenCaseError) -> [GoldenCase] {
        var cases: [GoldenCase] = []
        for (index, rawLine) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            guard let tab = line.firstIndex(of: "\t") else {
                throw GoldenCaseError(line: index + 1, message: "expected TEAM<TAB>TEXT")
            }
            let team = String(line[..<tab]).trimmingCharacters(in: .whitespaces)
            guard !team.isEmpty else { throw GoldenCaseError(line: index + 1, message: "empty team") }
            cases.append(GoldenCase(line: index + 1, expectedTeam: team, text: String(line[line.index(after: tab)...])))
        }
        return cases
    }
}

/// A malformed line in a cases file.
public struct GoldenCaseError: Error, Sendable, CustomStringConvertible {
    /// Line number, from 1.
    public var line: Int
    /// What is wrong.
    public var message: String
    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}
