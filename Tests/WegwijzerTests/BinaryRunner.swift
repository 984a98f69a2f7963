import Foundation
import XCTest

/// Runs the built `wegwijzer` binary, as a user would.
struct BinaryRunner {
    /// What a finished run left behind.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root, found from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle, or `$WEGWIJZER_BIN`.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["WEGWIJZER_BIN"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("wegwijzer")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/wegwijzer")
    }

    /// Runs `wegwijzer ARGUMENTS` with `stdin` as standard input, in `directory`.
    static func run(
        _ arguments: [String], stdin: String = "", environment: [String: String] = [:],
        directory: URL = repositoryRoot
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "WEGWIJZER_CONFIG")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = LockedData()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// Data handed from a reader thread, behind a lock.
final class LockedData: @unchecked Sendable {
    // Sound: every access goes through `lock`.
    private let lock = NSLock()
    private var data = Data()
    private var done = false

    func set(_ value: Data) {
        lock.lock()
        data = value
        done = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}

/// Asserts a run's exit status, printing its stderr when it differs.
func assertStatus(
    _ result: BinaryRunner.Result, _ expected: Int32, file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(result.status, expected, "stderr: \(result.stderr)\nstdout: \(result.stdout.prefix(2000))", file: file, line: line)
}
