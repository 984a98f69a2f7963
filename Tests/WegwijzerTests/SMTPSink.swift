import Foundation
import Glibc
import XCTest

/// An SMTP server in a subprocess (`Tests/Fixtures/smtp-sink.py`, aiosmtpd) that stores every
/// message it accepts; the messages are read back with Python's `email` package.
final class SMTPSink {
    /// One stored receipt, as Python's `email` parses it.
    struct Mail {
        var recipient: String
        var headers: [String: String]
        var body: String
    }

    let directory: URL
    private(set) var port: Int
    private let extra: [String]
    private var process: Process?

    /// A sink in a folder of its own under `root`, on `port` (0: a free one) once started;
    /// `tls` (certificate and key) makes it require STARTTLS, `auth` (`user:password`) AUTH.
    init(in root: URL, port: Int = 0, tls: (certificate: String, key: String)? = nil, auth: String? = nil) throws {
        directory = root.appendingPathComponent("smtp-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.port = port
        var extra: [String] = []
        if let tls { extra += ["--tls", tls.certificate, tls.key] }
        if let auth { extra += ["--auth", auth] }
        self.extra = extra
    }

    deinit { stop() }

    /// Starts the server and waits until it listens.
    func start(file: StaticString = #filePath, line: UInt = #line) throws {
        let portFile = directory.appendingPathComponent("port").path
        try? FileManager.default.removeItem(atPath: portFile)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/smtp-sink.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, portFile, directory.path] + (port == 0 ? [] : ["--port", String(port)]) + extra
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let number = Int(text) {
                port = number
                return
            }
            usleep(50_000)
        }
        XCTFail("the SMTP sink did not start (is aiosmtpd installed?)", file: file, line: line)
        throw CocoaError(.fileNoSuchFile)
    }

    /// Stops the server.
    func stop() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Makes the server accept the `reject…` recipients it refused so far.
    func fix() {
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("fixed").path, contents: Data())
    }

    /// How many messages it accepted.
    var count: Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".eml") }.count
    }

    /// The mechanisms of the successful AUTH exchanges.
    var authentications: [String] {
        ((try? String(contentsOf: directory.appendingPathComponent("auth.log"), encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    /// Every accepted message, parsed by Python's `email` (headers decoded, body decoded).
    func mails(file: StaticString = #filePath, line: UInt = #line) throws -> [Mail] {
        let script = """
            import email, email.policy, json, os, sys
            out = []
            folder = sys.argv[1]
            for name in sorted(n for n in os.listdir(folder) if n.endswith(".eml")):
                with open(os.path.join(folder, name), "rb") as f:
                    message = email.message_from_binary_file(f, policy=email.policy.default)
                with open(os.path.join(folder, name[:-4] + ".env")) as f:
                    recipient = f.read().split("\\n")[1]
                headers = {key: str(value) for key, value in message.items()}
                out.append({"recipient": recipient, "headers": headers, "body": message.get_content()})
            print(json.dumps(out))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, directory.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "python could not read the mails", file: file, line: line)
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]], file: file, line: line)
        return list.map { item in
            Mail(recipient: item["recipient"] as? String ?? "", headers: item["headers"] as? [String: String] ?? [:],
                 body: item["body"] as? String ?? "")
        }
    }
}
