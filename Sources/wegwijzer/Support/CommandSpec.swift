/// A command's name, usage, options and help text; parses its arguments.
struct CommandSpec: Sendable {
    /// One option a command takes.
    struct Option: Sendable {
        let name: String
        let valueName: String?
        let help: String
    }

    let name: String
    let usage: String
    let summary: String
    let options: [Option]
    let details: String

    init(name: String, usage: String, summary: String, options: [Option], details: String = "") {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.options = options + [Option(name: "--help", valueName: nil, help: "show this help")]
        self.details = details
    }

    /// The text `--help` prints.
    var help: String {
        var lines = ["usage: wegwijzer \(usage)", "", summary, ""]
        if !options.isEmpty { lines.append("options:") }
        for option in options {
            let left = option.valueName.map { "\(option.name) \($0)" } ?? option.name
            lines.append("  " + left.padding(toLength: max(24, left.count + 2), withPad: " ", startingAt: 0) + option.help)
        }
        if !details.isEmpty { lines += ["", details] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses `arguments`; `--help` anywhere yields ``ParsedArguments/wantsHelp``.
    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                parsed.positionals += arguments[index...]
                break
            }
            guard argument.hasPrefix("--") else {
                parsed.positionals.append(argument)
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let option = options.first(where: { $0.name == name }) else {
                throw UsageError("\(name) is not an option of '\(self.name)' (see wegwijzer \(self.name) --help)")
            }
            guard option.valueName != nil else {
                if inlineValue != nil { throw UsageError("\(name) takes no value") }
                parsed.flags.insert(name)
                continue
            }
            if let inlineValue {
                parsed.values[name, default: []].append(inlineValue)
            } else if index < arguments.count {
                parsed.values[name, default: []].append(arguments[index])
                index += 1
            } else {
                throw UsageError("\(name) needs a value")
            }
        }
        return parsed
    }
}

/// The result of parsing a command's arguments.
struct ParsedArguments: Sendable {
    var flags: Set<String> = []
    var values: [String: [String]] = [:]
    var positionals: [String] = []

    var wantsHelp: Bool { flags.contains("--help") }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    func value(_ name: String) -> String? { values[name]?.last }
}

/// Bad command-line use: exit status 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
