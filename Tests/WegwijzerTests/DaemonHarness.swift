import Foundation
import Glibc
import XCTest

/// A running `wegwijzer run` in a scratch folder, with a notify socket the test reads.
final class DaemonHarness {
    /// The test configuration: four teams with distinct words, a form drop and a call drop.
    static let config = """
        [router]
        state = state
        queues = queues
        fallback = KCC
        min-score = 3
        min-margin = 2

        [team KCC]

        [team Stadsbeheer]
        signals = lantaarnpaal:4, stoeptegel:4, zwerfvuil:4

        [team Milieu]
        signals = stankoverlast:4, asbest:4

        [team Wmo]
        signals = rolstoel:4, scootmobiel:4

        [team Burgerzaken]
        signals = paspoort:4, rijbewijs:4

        [source forms]
        type = form-drop
        path = in/forms

        [source calls]
        type = call-drop
        path = in/calls
        min-confidence = 0.5
        """

    let root: URL
    let configPath: String
    let stateDirectory: URL
    private(set) var process: Process?
    private(set) var stderrPath: String
    private let notifySocket: Int32
    let notifyPath: String

    init(config: String = DaemonHarness.config) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        stateDirectory = root.appendingPathComponent("state")
        configPath = root.appendingPathComponent("routing.conf").path
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        stderrPath = root.appendingPathComponent("daemon.log").path
        notifyPath = root.appendingPathComponent("notify.sock").path
        notifySocket = try DaemonHarness.bindDatagramSocket(notifyPath)
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        close(notifySocket)
        try? FileManager.default.removeItem(at: root)
    }

    /// Starts the daemon and waits for `READY=1`; a `launcher` command, when given, runs the
    /// binary (its path and arguments follow the launcher's own arguments).
    func start(environment extra: [String: String] = [:], launcher: [String] = [],
               file: StaticString = #filePath, line: UInt = #line) throws {
        let process = Process()
        let arguments = ["run", "--config", configPath, "--state", stateDirectory.path]
        if let command = launcher.first {
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = Array(launcher.dropFirst()) + [BinaryRunner.binary.path] + arguments
        } else {
            process.executableURL = BinaryRunner.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = notifyPath
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        let log = FileHandle(forWritingAtPath: stderrPath)!
        log.seekToEndOfFile()
        process.standardError = log
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        self.process = process
        let ready = waitForNotification(containing: "READY=1", timeout: 20)
        XCTAssertNotNil(ready, "no READY=1; log: \(self.log)", file: file, line: line)
    }

    /// Sends a signal to the daemon.
    func signal(_ number: Int32) {
        if let process { kill(process.processIdentifier, number) }
    }

    /// Waits for the daemon to exit; its status, or nil after `timeout`.
    func waitForExit(timeout: TimeInterval) -> Int32? {
        guard let process else { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// The next datagrams until one contains `text`; that one, or nil after `timeout`.
    func waitForNotification(containing text: String, timeout: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let datagram = receiveDatagram(timeout: 0.2), datagram.contains(text) { return datagram }
        }
        return nil
    }

    /// Every datagram received within `timeout`.
    func notifications(for timeout: TimeInterval) -> [String] {
        var received: [String] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let datagram = receiveDatagram(timeout: 0.1) { received.append(datagram) }
        }
        return received
    }

    /// Writes a file the way a writer must: under a `.`-name, then renamed into place.
    func drop(_ content: String, as name: String, into source: String) throws {
        try drop(Data(content.utf8), as: name, into: source)
    }

    func drop(_ content: Data, as name: String, into source: String) throws {
        try DaemonHarness.drop(content, as: name, in: stateDirectory.appendingPathComponent("in/\(source)"))
    }

    /// The same, given the drop directory itself (for writer threads).
    static func drop(_ content: Data, as name: String, in directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(name).tmp")
        try content.write(to: temporary)
        guard rename(temporary.path, directory.appendingPathComponent(name).path) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// The message files in a team queue's `new/`.
    func queued(_ queue: String) -> [String] {
        let directory = stateDirectory.appendingPathComponent("queues/\(queue)/new").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The message JSON of a queued file.
    func message(_ queue: String, _ file: String) throws -> [String: Any] {
        let data = try Data(contentsOf: stateDirectory.appendingPathComponent("queues/\(queue)/new/\(file)"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Files still waiting in a drop directory (complete names only).
    func waiting(in source: String) -> [String] {
        let directory = stateDirectory.appendingPathComponent("in/\(source)").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") && $0 != "rejected" }
    }

    /// Waits until `condition` holds; false after `timeout`.
    func wait(timeout: TimeInterval, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    /// The daemon's stderr so far.
    var log: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    private func receiveDatagram(timeout: TimeInterval) -> String? {
        var descriptor = pollfd(fd: notifySocket, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(timeout * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(notifySocket, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
    }

    private static func bindDatagramSocket(_ path: String) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard descriptor >= 0, result == 0 else { throw POSIXError(.EADDRINUSE) }
        return descriptor
    }
}
