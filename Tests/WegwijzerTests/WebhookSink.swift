import Foundation
import Glibc
import XCTest

/// A team endpoint in a subprocess (`Tests/Fixtures/webhook-sink.py`): answers by a plan,
/// verifies Standard Webhooks signatures, and logs every connection and request.
final class WebhookSink {
    /// TLS files of the sink: its certificate and key, and the CA client certificates must have.
    struct TLS {
        var certificate: String
        var key: String
        var clientCA: String?
    }

    let directory: URL
    private(set) var port: Int
    private let secretFile: String?
    private let tls: TLS?
    private var process: Process?
    private var logPath: String { directory.appendingPathComponent("sink.log").path }
    private var readyPath: String { directory.appendingPathComponent("sink.ready").path }
    private var planPath: String { directory.appendingPathComponent("sink.plan").path }

    /// A sink that will listen on `port` (0: any free port) once started.
    init(in directory: URL, port: Int = 0, secretFile: String? = nil, tls: TLS? = nil) throws {
        self.directory = directory.appendingPathComponent("sink-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        self.port = port
        self.secretFile = secretFile
        self.tls = tls
    }

    deinit { stop() }

    /// The URL to configure as the endpoint.
    var url: String { "\(tls == nil ? "http" : "https")://\(tls == nil ? "127.0.0.1" : "localhost"):\(port)/hook" }

    /// Starts the sink and waits until it listens.
    func start(file: StaticString = #filePath, line: UInt = #line) throws {
        try? FileManager.default.removeItem(atPath: readyPath)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["python3", BinaryRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/webhook-sink.py").path,
                         "--log", logPath, "--ready", readyPath, "--port", String(port), "--plan", planPath]
        if let secretFile { arguments += ["--secret", secretFile] }
        if let tls {
            arguments += ["--cert", tls.certificate, "--key", tls.key]
            if let clientCA = tls.clientCA { arguments += ["--client-ca", clientCA] }
        }
        process.arguments = arguments
        let errors = directory.appendingPathComponent("sink.stderr").path
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: errors)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, process.isRunning, !FileManager.default.fileExists(atPath: readyPath) { usleep(20_000) }
        let text = (try? String(contentsOfFile: readyPath, encoding: .utf8)) ?? ""
        guard let bound = Int(text) else {
            let stderr = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            XCTFail("the sink did not start (is the Python package standardwebhooks installed?): \(stderr)", file: file, line: line)
            throw CocoaError(.executableLoad)
        }
        port = bound
    }

    /// Stops the sink.
    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// Sets how the next requests are answered: `responses` in order, then `then` for ever.
    /// Each response is `["status": 503, "retryAfter": "2", "delay": 1.5, "body": "…"]`.
    func plan(_ responses: [[String: Any]] = [], then: [String: Any] = ["status": 204]) throws {
        let data = try JSONSerialization.data(withJSONObject: ["responses": responses, "then": then])
        let temporary = planPath + ".tmp"
        try data.write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, planPath) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Every request logged so far, oldest first.
    var requests: [[String: Any]] { entries.filter { $0["event"] as? String == "request" } }

    /// Connections accepted so far.
    var connections: Int { entries.filter { $0["event"] as? String == "connection" }.count }

    /// The logged requests for message `id`.
    func requests(for id: String) -> [[String: Any]] {
        requests.filter { $0["messageId"] as? String == id }
    }

    private var entries: [[String: Any]] {
        guard let text = try? String(contentsOfFile: logPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// A TCP port on 127.0.0.1 that nothing listens on just now.
    static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                _ = bind(descriptor, pointer, length)
                return getsockname(descriptor, pointer, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
