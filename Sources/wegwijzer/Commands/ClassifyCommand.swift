import Foundation
import Messages
import Routing
import Storage

/// `wegwijzer classify`: routes files or standard input without delivering anything.
enum ClassifyCommand: Command {
    static let spec = CommandSpec(
        name: "classify", usage: "classify [--config PATH] [--json] [--explain] [--lines] [FILE...|-]",
        summary: "show where messages would be routed, and why",
        options: [
            .init(name: "--config", valueName: "PATH", help: "the configuration to route by"),
            .init(name: "--json", valueName: nil, help: "one JSON object per message, one per line"),
            .init(name: "--explain", valueName: nil, help: "score table, marked text and the deciding threshold"),
            .init(name: "--lines", valueName: nil, help: "every input line is one message text"),
        ],
        details: """
            FILE kinds: .eml or a Maildir file (e-mail); .json (form, Open Formulieren or Whisper JSON);
            .vtt, .srt, .txt (call transcript). Without FILE, or with -, standard input is plain text.
            Only the first max-text bytes (default 64 KiB) of a message are analysed.
            Default output: TEAM<TAB>SCORE<TAB>REASON<TAB>INPUT per message.
            """)

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        let config = try loadValidConfig(arguments.value("--config"))
        let router = Router(config: config)
        let format: OutputFormat = arguments.flag("--explain") ? .explain : arguments.flag("--json") ? .json : .plain
        let names = arguments.positionals.isEmpty ? ["-"] : arguments.positionals
        var output = OutputBuffer()
        var json = JSONWriter(capacity: 4096)
        let lines = format == .explain ? nil : LineClassifier(router: router, json: format == .json)
        for name in names {
            let data = try readInput(name)
            if let lines, arguments.flag("--lines") {
                json.removeAll()
                lines.classify(data, name: name, into: &output, buffer: &json)
            } else if arguments.flag("--lines") {
                // --explain: the full decision of every line.
                var number = 0
                for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                    number += 1
                    if line.isEmpty && number > 1 && line.endIndex == data.endIndex { break }
                    let text = String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
                    let decision = router.route(subject: "", text: text)
                    let input = ClassifyInput(name: "\(name):\(number)", text: text)
                    output.write(Explanation.render(decision, input: input, settings: config.router) + "\n")
                }
            } else {
                let input = try ClassifyInput.load(name: name, bytes: data)
                let (routed, decision) = router.route(input.message)
                switch format {
                case .plain:
                    output.write("\(decision.team)\t\(ScoreText.format(decision.score))\t\(decision.reason)\t\(input.name)\n")
                case .json:
                    json.removeAll()
                    DecisionJSON.write(decision, input: input.name, location: routed.location, into: &json)
                    json.newline()
                    output.write(json)
                case .explain:
                    output.write(Explanation.render(decision, input: input, settings: config.router) + "\n")
                }
            }
        }
        return .success
    }

    private enum OutputFormat { case plain, json, explain }

    private static func readInput(_ name: String) throws -> [UInt8] {
        if name == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        do {
            return try DurableFile.readFile(at: name)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
