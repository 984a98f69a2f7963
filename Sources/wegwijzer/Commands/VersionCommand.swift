/// `wegwijzer version`.
enum VersionCommand: Command {
    static let version = "0.1.0"

    static let spec = CommandSpec(
        name: "version", usage: "version", summary: "print the version", options: [])

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        print("wegwijzer \(version)")
        return .success
    }
}
