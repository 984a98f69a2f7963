import Foundation
import XCTest

/// The hand-written man pages and docs/operations.md stay in step with the program:
/// its help, the routing.conf reference, its version and the events it logs.
final class OperationsDocsTests: XCTestCase {
    private static let root = BinaryRunner.repositoryRoot

    func testEveryCommandAndOptionInHelpIsInWegwijzer8() throws {
        let page = try Self.manText("docs/man/wegwijzer.8")
        let help = try BinaryRunner.run(["--help"])
        assertStatus(help, 0)
        let commands = Self.indentedWords(after: "commands:", in: help.stdout)
        XCTAssertGreaterThanOrEqual(commands.count, 6, help.stdout)
        for command in commands {
            guard let section = Self.commandSection(command, in: page) else {
                XCTFail("wegwijzer.8 has no entry for '\(command)' under COMMANDS")
                continue
            }
            let commandHelp = try BinaryRunner.run([command, "--help"])
            assertStatus(commandHelp, 0)
            for option in Self.indentedWords(after: "options:", in: commandHelp.stdout) where option != "--help" {
                XCTAssertTrue(section.contains(option), "wegwijzer.8 does not describe \(command) \(option)")
                XCTAssertTrue(Self.synopsis(of: command, in: page).contains(option),
                              "the SYNOPSIS of wegwijzer.8 lacks \(command) \(option)")
            }
        }
    }

    func testEveryKeyOfTheReferenceIsInRoutingConf5() throws {
        let page = try Self.manText("docs/man/routing.conf.5")
        let reference = try String(contentsOf: Self.root.appendingPathComponent("docs/routing.conf.md"), encoding: .utf8)
        var keys: [String] = []
        var inSection = false  // the key tables are under "## [router]", "## [team NAME]", ...
        for line in reference.split(separator: "\n") {
            if line.hasPrefix("## ") { inSection = line.hasPrefix("## [") }
            guard inSection, line.hasPrefix("| `") else { continue }
            let cell = line.dropFirst(3).prefix { $0 != "`" }
            if cell.allSatisfy({ $0.isLowercase || $0 == "-" }) { keys.append(String(cell)) }
        }
        XCTAssertGreaterThan(keys.count, 20, "the key tables of docs/routing.conf.md were not found")
        let markedUp = page.split(separator: "\n").filter { $0.hasPrefix(".B") || $0.hasPrefix(".TQ") }
        for key in Set(keys) {
            let described = markedUp.contains { line in
                line.split(whereSeparator: { " \",".contains($0) }).contains { $0 == Substring(key) }
            }
            XCTAssertTrue(described, "routing.conf.5 does not describe the key '\(key)' of docs/routing.conf.md")
        }
    }

    func testManPagesCarryTheProgramVersion() throws {
        let version = try BinaryRunner.run(["version"])
        assertStatus(version, 0)
        let number = version.stdout.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        for page in ["docs/man/wegwijzer.8", "docs/man/routing.conf.5"] {
            let header = try Self.manText(page).split(separator: "\n").first { $0.hasPrefix(".TH ") } ?? ""
            XCTAssertTrue(header.contains("\"Wegwijzer \(number)\""), "\(page): .TH says \(header), the program \(number)")
        }
    }

    func testEveryLoggedEventIsInTheOperationsGuide() throws {
        let guide = try String(contentsOf: Self.root.appendingPathComponent("docs/operations.md"), encoding: .utf8)
        let events = try Self.loggedEvents()
        XCTAssertTrue(events.contains("routed") && events.contains("reload-failed"), "events found: \(events.sorted())")
        for event in events.sorted() {
            XCTAssertTrue(guide.contains("| `\(event)`") || guide.contains(", `\(event)`"),
                          "docs/operations.md (Log events) does not list the event '\(event)'")
        }
    }

    // MARK: - Helpers

    /// The roff source with `\-` as `-`, so options read as typed.
    private static func manText(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8).replacingOccurrences(of: "\\-", with: "-")
    }

    /// The first word of each indented line after `heading`, up to the next blank line.
    private static func indentedWords(after heading: String, in text: String) -> [String] {
        var words: [String] = []
        var inside = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == heading { inside = true; continue }
            guard inside else { continue }
            guard line.hasPrefix("  "), let word = line.split(separator: " ").first else { break }
            words.append(String(word))
        }
        return words
    }

    /// The text of `.TP` / `.B COMMAND` up to the next command's entry.
    private static func commandSection(_ command: String, in page: String) -> String? {
        guard let commands = page.range(of: "\n.SH COMMANDS\n"),
              let start = page.range(of: "\n.TP\n.B \(command)\n", range: commands.lowerBound..<page.endIndex) else { return nil }
        let rest = page[start.upperBound...]
        let end = rest.range(of: "\n.RE\n")?.upperBound ?? rest.range(of: "\n.SH ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// The SYNOPSIS lines of one command, from `.B wegwijzer COMMAND` to its `.br`.
    private static func synopsis(of command: String, in page: String) -> String {
        guard let start = page.range(of: ".B wegwijzer \(command)\n") else { return "" }
        let rest = page[start.upperBound...]
        return String(rest[..<(rest.range(of: ".br\n")?.lowerBound ?? rest.endIndex)])
    }

    /// Event names passed to `log.log(.LEVEL, "name"` anywhere in Sources.
    private static func loggedEvents() throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: #"\.log\(\s*\.[a-z]+\s*,\s*"([a-z][a-z0-9-]*)""#)
        var events = Set<String>()
        let sources = root.appendingPathComponent("Sources")
        guard let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return events }
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { events.insert(String(text[range])) }
            }
        }
        return events
    }
}
