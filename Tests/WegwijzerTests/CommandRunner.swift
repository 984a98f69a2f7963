import Foundation

/// Runs any command (not the `wegwijzer` binary: see ``BinaryRunner``), such as the example
/// consumers or a browser.
enum CommandRunner {
    /// Runs `arguments` (the first is the program's path) in `directory` with `environment`
    /// added; its status and output.
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    directory: URL = BinaryRunner.repositoryRoot) throws -> BinaryRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorData = LockedData()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return BinaryRunner.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                   stderr: String(decoding: errorData.value, as: UTF8.self))
    }
}
