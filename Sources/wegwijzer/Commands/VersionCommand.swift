import Daemon

/// `wegwijzer version`.
enum VersionCommand: Command {
    /// The version, as the daemon reports it (User-Agent, logs).
    static var version: String { Daemon.version }

    static let spec = CommandSpec(
        name: "version", usage: "version", summary: "print the version", options: [])

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        print("wegwijzer \(version)")
        return .success
    }
}
