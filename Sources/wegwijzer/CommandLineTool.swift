/// One subcommand of `wegwijzer`.
protocol Command: Sendable {
    static var spec: CommandSpec { get }
    static func run(_ arguments: ParsedArguments) throws -> ExitStatus
}

/// Dispatches `wegwijzer COMMAND …` to its command.
enum CommandLineTool {
    static let commands: [any Command.Type] = [
        RunCommand.self, CheckCommand.self, ClassifyCommand.self, TestCommand.self, LearnCommand.self, StatusCommand.self,
        RetryCommand.self, RerouteCommand.self, HistoryCommand.self, ReportCommand.self, FindCommand.self, ForgetCommand.self,
        VersionCommand.self,
    ]

    static var help: String {
        var lines = [
            "usage: wegwijzer COMMAND [OPTIONS]", "",
            "Routes citizen messages from every channel to the right team queue.", "",
            "commands:",
        ]
        for command in commands {
            lines.append("  " + command.spec.name.padding(toLength: 10, withPad: " ", startingAt: 0) + command.spec.summary)
        }
        lines += ["", "'wegwijzer COMMAND --help' shows a command's options."]
        return lines.joined(separator: "\n") + "\n"
    }

    static func run(_ arguments: [String]) -> ExitStatus {
        guard let name = arguments.first, !["--help", "-h", "help"].contains(name) else {
            if arguments.isEmpty {
                printError(help)
                return .usage
            }
            print(help, terminator: "")
            return .success
        }
        if name == "--version" { return (try? VersionCommand.run(ParsedArguments())) ?? .success }
        guard let command = commands.first(where: { $0.spec.name == name }) else {
            printError("wegwijzer: unknown command '\(name)' (see wegwijzer --help)")
            return .usage
        }
        do {
            let parsed = try command.spec.parse(Array(arguments.dropFirst()))
            if parsed.wantsHelp {
                print(command.spec.help, terminator: "")
                return .success
            }
            return try command.run(parsed)
        } catch let error as UsageError {
            printError("wegwijzer \(name): \(error.description)")
            return .usage
        } catch {
            printError("wegwijzer \(name): \(error)")
            return .usage
        }
    }
}
