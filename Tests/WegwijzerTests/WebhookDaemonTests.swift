import Foundation
import Glibc
import Intake
import XCTest

/// The webhook source end to end: the real binary, real sockets, real queues.
final class WebhookDaemonTests: XCTestCase {
    func testARequestSignedByPythonsStandardWebhooksIsAcceptedAndItsReplayRefused() throws {
        let daemon = try WebhookDaemon()
        try daemon.start()
        XCTAssertFalse(daemon.harness.log.contains("source-unsupported"), daemon.harness.log)
        let signed = try pythonSignedRequest(body: #"{"subject": "Lamp", "text": "De lantaarnpaal voor nummer 12 is kapot"}"#,
                                             id: "msg_python_1")
        let first = try daemon.send(signed)
        XCTAssertEqual(first.status, 202, String(decoding: first.body, as: UTF8.self))
        XCTAssertEqual(first.json["team"] as? String, "Stadsbeheer")
        let id = try XCTUnwrap(first.json["id"] as? String)
        XCTAssertTrue(daemon.harness.wait(timeout: 10) { daemon.queuedIDs()[id] == "stadsbeheer" })
        let message = try daemon.harness.message("stadsbeheer", id + ".json")
        XCTAssertEqual(message["channel"] as? String, "webhook")
        XCTAssertEqual((message["source"] as? [String: Any])?["ref"] as? String, "msg_python_1")
        let replay = try daemon.send(signed)
        XCTAssertEqual(replay.status, 401)
        XCTAssertEqual(replay.json["error"] as? String, "unauthorized")
        XCTAssertEqual(daemon.queuedIDs().count, 1)
    }

    func testARetriedWebhookIDGetsTheSameIDAndNoSecondMessage() throws {
        let daemon = try WebhookDaemon()
        try daemon.start()
        let body = #"{"text": "stankoverlast van de fabriek"}"#
        let now = Int64(Date().timeIntervalSince1970)
        let first = try daemon.send(WebhookDaemon.post(body: body, id: "msg_retry", timestamp: now - 5))
        let retry = try daemon.send(WebhookDaemon.post(body: body, id: "msg_retry", timestamp: now))
        XCTAssertEqual(first.status, 202)
        XCTAssertEqual(retry.status, 202)
        XCTAssertEqual(first.json["id"] as? String, retry.json["id"] as? String)
        XCTAssertEqual(retry.json["duplicate"] as? Bool, true)
        XCTAssertEqual(retry.json["team"] as? String, "Milieu")
        XCTAssertEqual(first.json["team"] as? String, "Milieu")
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(daemon.queuedIDs().count, 1)
    }

    func testRetriesSentAtOnceAreAllAnsweredWithOneIDAndOneMessage() throws {
        let daemon = try WebhookDaemon()
        try daemon.start()
        let body = #"{"text": "asbest in de schuur"}"#
        let now = Int64(Date().timeIntervalSince1970)
        // One webhook-id, each attempt signed anew (its own timestamp), twenty at once.
        let ids = try Self.sendAtOnce(port: daemon.port, clients: 20) { attempt, _ in
            WebhookDaemon.post(body: body, id: "msg_same", timestamp: now - Int64(attempt))
        }
        XCTAssertEqual(ids.refused, 0, "every attempt is answered 202")
        XCTAssertEqual(Set(ids.accepted).count, 1)
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(daemon.queuedIDs().count, 1)
    }

    /// Sends from `clients` threads at once, `perClient` requests each on one kept-alive
    /// connection (`request(client, index)` makes each); the IDs answered 202, and how many not.
    private static func sendAtOnce(
        port: UInt16, clients: Int, perClient: Int = 1, file: StaticString = #filePath, line: UInt = #line,
        _ request: @escaping @Sendable (Int, Int) -> String
    ) throws -> LockedIDs {
        let ids = LockedIDs()
        let group = DispatchGroup()
        for client in 0..<clients {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                guard let connection = try? RawHTTPConnection(port: port) else { return ids.add(nil) }
                for index in 0..<perClient {
                    connection.send(request(client, index))
                    let response = connection.response()
                    ids.add(response?.status == 202 ? response?.json["id"] as? String : nil)
                }
            }
        }
        XCTAssertEqual(group.wait(timeout: .now() + 120), .success, "senders still waiting", file: file, line: line)
        return ids
    }

    func testAuthenticationFailuresAre401AndBearerTokensWork() throws {
        let daemon = try WebhookDaemon()
        try daemon.start()
        let body = #"{"text": "mijn rijbewijs is verlopen"}"#
        XCTAssertEqual(try daemon.send(WebhookDaemon.post(body: body)).status, 401)
        let old = Int64(Date().timeIntervalSince1970) - 600
        XCTAssertEqual(try daemon.send(WebhookDaemon.post(body: body, id: "msg_old", timestamp: old)).status, 401)
        let forged = WebhookDaemon.post(body: body, id: "msg_forged").replacingOccurrences(of: "verlopen", with: "gestolen")
        XCTAssertEqual(try daemon.send(forged).status, 401)
        XCTAssertEqual(try daemon.send(WebhookDaemon.post(body: body, extra: ["Authorization: Bearer wrong"])).status, 401)
        let token = try daemon.send(WebhookDaemon.post(body: body, extra: ["Authorization: Bearer \(WebhookDaemon.token)"]))
        XCTAssertEqual(token.status, 202)
        XCTAssertEqual(token.json["team"] as? String, "Burgerzaken")
    }

    func testAnOpenFormulierenPayloadIsRouted() throws {
        let daemon = try WebhookDaemon()
        try daemon.start()
        let fixture = BinaryRunner.repositoryRoot.appendingPathComponent("Tests/IntakeTests/Fixtures/open-formulieren.json")
        let body = try String(contentsOf: fixture, encoding: .utf8)
        let response = try daemon.send(WebhookDaemon.post("/v1/forms", body: body, id: "msg_open_formulieren"))
        XCTAssertEqual(response.status, 202, String(decoding: response.body, as: UTF8.self))
        XCTAssertEqual(response.json["team"] as? String, "Stadsbeheer")
        let id = try XCTUnwrap(response.json["id"] as? String)
        XCTAssertTrue(daemon.harness.wait(timeout: 10) { daemon.queuedIDs()[id] != nil })
        let message = try daemon.harness.message("stadsbeheer", id + ".json")
        XCTAssertEqual(message["channel"] as? String, "form")
        XCTAssertEqual((message["channelData"] as? [String: Any])?["format"] as? String, "open-formulieren")
        XCTAssertEqual((message["attachments"] as? [Any])?.count, 1)
    }

    func testCallTranscriptsAndBadBodies() throws {
        let daemon = try WebhookDaemon()
        try daemon.start()
        let vtt = "WEBVTT\n\n00:00.000 --> 00:04.000\nIk bel over mijn scootmobiel, die is kapot.\n"
        let call = try daemon.send(WebhookDaemon.post("/v1/calls", body: vtt, id: "msg_call", type: "text/vtt"))
        XCTAssertEqual(call.status, 202, String(decoding: call.body, as: UTF8.self))
        XCTAssertEqual(call.json["team"] as? String, "Wmo")
        let notJSON = try daemon.send(WebhookDaemon.post(body: "tekst", id: "msg_text"))
        XCTAssertEqual(notJSON.status, 415)
        let badField = try daemon.send(WebhookDaemon.post(body: #"{"text": {"a": 1}}"#, id: "msg_field"))
        XCTAssertEqual(badField.status, 400)
        XCTAssertEqual(badField.json["field"] as? String, "text")
    }

    func testHealthAndMetrics() throws {
        let daemon = try WebhookDaemon()
        try daemon.start()
        XCTAssertEqual(try daemon.send(WebhookDaemon.post(body: #"{"text": "asbest"}"#, id: "msg_metrics")).status, 202)
        XCTAssertEqual(try daemon.send(WebhookDaemon.post(body: #"{"text": "asbest"}"#)).status, 401)
        XCTAssertEqual(try daemon.send("GET /healthz HTTP/1.1\r\nHost : a\r\n\r\n").status, 400)
        let health = try daemon.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
        XCTAssertEqual(health.status, 200)
        let metrics = try daemon.send("GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n")
        XCTAssertEqual(metrics.status, 200)
        XCTAssertTrue(metrics.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") ?? false)
        let text = String(decoding: metrics.body, as: UTF8.self)
        for line in [
            "wegwijzer_received_total{channel=\"webhook\"} 1", "wegwijzer_routed_total{team=\"Milieu\"} 1",
            "wegwijzer_routed_total{team=\"Wmo\"} 0", "wegwijzer_rejected_total{reason=\"unauthorized\"} 1",
            "wegwijzer_http_requests_total{code=\"202\"} 1", "wegwijzer_http_requests_total{code=\"401\"} 1",
            "wegwijzer_deliveries_total{result=\"ok\"} 0", "wegwijzer_dead_letters 0",
            "wegwijzer_rejected_total{reason=\"bad-framing\"} 1", "wegwijzer_http_requests_total{code=\"400\"} 1",
        ] {
            XCTAssertTrue(text.contains(line + "\n"), "missing \(line) in\n\(text)")
        }
        XCTAssertTrue(text.contains("\nprocess_resident_memory_bytes "))
        XCTAssertTrue(text.contains("\nwegwijzer_uptime_seconds "))
        XCTAssertTrue(daemon.harness.wait(timeout: 10) {
            (try? daemon.send("GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n"))
                .map { String(decoding: $0.body, as: UTF8.self).contains("wegwijzer_queue_depth{team=\"Milieu\"} 1\n") } ?? false
        })
        let queue = daemon.harness.stateDirectory.appendingPathComponent("queues/wmo")
        try? FileManager.default.removeItem(at: queue)
        try Data().write(to: queue)
        let broken = try daemon.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
        XCTAssertEqual(broken.status, 503)
        XCTAssertTrue((broken.json["reason"] as? String ?? "").contains("queues/wmo"), "\(broken.json)")
    }

    func testAThousandRequestsOverFiftyKeepAliveConnectionsAreAllAcceptedAndQueued() throws {
        let daemon = try WebhookDaemon(keys: "max-connections = 100")
        try daemon.start()
        let texts = ["lantaarnpaal kapot", "stankoverlast", "rolstoel nodig", "paspoort aanvragen", "vraag over openingstijden"]
        let ids = try Self.sendAtOnce(port: daemon.port, clients: 50, perClient: 20) { client, index in
            let number = client * 20 + index
            return WebhookDaemon.post(body: #"{"text": "\#(texts[number % 5]) \#(number)"}"#, id: "msg_load_\(number)")
        }
        XCTAssertEqual(ids.accepted.count, 1000)
        XCTAssertEqual(ids.refused, 0)
        XCTAssertEqual(Set(ids.accepted).count, 1000)
        XCTAssertTrue(daemon.harness.wait(timeout: 30) { daemon.queuedIDs().count == 1000 }, "queued: \(daemon.queuedIDs().count)")
        XCTAssertEqual(Set(daemon.queuedIDs().keys), Set(ids.accepted))
    }

    func testEveryMessageAnswered202BeforeSIGTERMIsInAQueue() throws {
        let daemon = try WebhookDaemon(keys: "max-connections = 100")
        try daemon.start()
        let ids = LockedIDs()
        let port = daemon.port
        let started = DispatchSemaphore(value: 0)
        let clients = DispatchGroup()
        for client in 0..<20 {
            DispatchQueue.global().async(group: clients) {
                var number = 0
                var connection = try? RawHTTPConnection(port: port, quiet: true)
                if client == 0 { started.signal() }
                while let open = connection, number < 10_000 {
                    number += 1
                    guard open.send(WebhookDaemon.post(body: #"{"text": "zwerfvuil \#(client)-\#(number)"}"#,
                                                       id: "msg_term_\(client)_\(number)")),
                          let response = open.response(timeout: 10) else {
                        connection = try? RawHTTPConnection(port: port, quiet: true)
                        if connection == nil { return }
                        continue
                    }
                    ids.add(response.status == 202 ? response.json["id"] as? String : nil)
                    if response.headers["connection"] == "close" { return }
                }
            }
        }
        started.wait()
        XCTAssertTrue(daemon.harness.wait(timeout: 30) { ids.accepted.count >= 100 })
        daemon.harness.signal(SIGTERM)
        XCTAssertEqual(daemon.harness.waitForExit(timeout: 15), 0, daemon.harness.log.suffix(2000).description)
        XCTAssertEqual(clients.wait(timeout: .now() + 30), .success)
        let queued = daemon.queuedIDs()
        let missing = ids.accepted.filter { queued[$0] == nil }
        XCTAssertGreaterThanOrEqual(ids.accepted.count, 100)
        XCTAssertEqual(missing, [], "answered 202 but not in a queue")
    }

    /// A launcher that binds `host:port` and hands the socket over as systemd does (fd 3).
    private static func socketActivation(host: String, port: UInt16) -> [String] {
        let script = """
            import os, socket, sys
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((sys.argv[1], int(sys.argv[2])))
            s.listen(16)
            if s.fileno() != 3:
                os.dup2(s.fileno(), 3)
            os.set_inheritable(3, True)
            os.environ.update(LISTEN_FDS="1", LISTEN_PID=str(os.getpid()), LISTEN_FDNAMES="hook")
            os.execv(sys.argv[3], sys.argv[3:])
            """
        return ["/usr/bin/env", "python3", "-c", script, host, String(port)]
    }

    func testOutOfDescriptorsTheLoopWaitsInsteadOfSpinningAndRecovers() throws {
        let daemon = try WebhookDaemon()
        try daemon.start(launcher: ["/usr/bin/prlimit", "--nofile=64:64", "--"])
        let pid = try XCTUnwrap(daemon.harness.process?.processIdentifier)
        var held: [RawHTTPConnection] = []
        for _ in 0..<100 { if let connection = try? RawHTTPConnection(port: daemon.port, quiet: true) { held.append(connection) } }
        Thread.sleep(forTimeInterval: 0.3)
        let before = Self.cpuSeconds(pid)
        Thread.sleep(forTimeInterval: 1)
        let used = Self.cpuSeconds(pid) - before
        XCTAssertLessThan(used, 0.5, "the daemon spun on a listener it could not accept from")
        held.removeAll()
        XCTAssertTrue(daemon.harness.wait(timeout: 10) {
            (try? daemon.send(WebhookDaemon.post(body: #"{"text": "asbest"}"#, id: "msg_after_emfile")).status) == 202
        }, daemon.harness.log.suffix(2000).description)
    }

    /// User and system CPU seconds of a process so far.
    private static func cpuSeconds(_ pid: Int32) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        return ((Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func testAnOpenSourceHandedASocketBeyondLoopbackTakesNoPosts() throws {
        let port = RawHTTPConnection.freePort()
        let harness = try DaemonHarness(config: DaemonHarness.config + "\n\n[source open]\ntype = webhook\nlisten = 127.0.0.1:\(port)\n")
        try harness.start(launcher: Self.socketActivation(host: "0.0.0.0", port: port))
        XCTAssertTrue(harness.wait(timeout: 20) { harness.log.contains("\"source-exposed\"") }, harness.log)
        let connection = try RawHTTPConnection(port: port)
        connection.send(WebhookDaemon.post(body: #"{"text": "asbest"}"#))
        XCTAssertEqual(connection.response()?.status, 503)
        let health = try RawHTTPConnection(port: port)
        health.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
        let answer = health.response()
        XCTAssertEqual(answer?.status, 503)
        XCTAssertTrue((answer?.json["reason"] as? String)?.contains("0.0.0.0:\(port)") ?? false, "\(String(describing: answer?.json))")
        XCTAssertTrue(harness.queued("milieu").isEmpty)
    }

    func testSocketsHandedOverBySystemdAreServed() throws {
        let inherited = RawHTTPConnection.freePort()
        let configured = RawHTTPConnection.freePort()
        let daemon = try WebhookDaemon(listenPort: configured)
        try daemon.start(launcher: Self.socketActivation(host: "127.0.0.1", port: inherited))
        let connection = try RawHTTPConnection(port: inherited)
        connection.send(WebhookDaemon.post(body: #"{"text": "asbest"}"#, id: "msg_activated"))
        XCTAssertEqual(connection.response()?.status, 202)
        XCTAssertTrue(daemon.harness.log.contains("from systemd"), daemon.harness.log)
        XCTAssertNil(try? RawHTTPConnection(port: configured, quiet: true), "the configured address is not bound")
    }

    func testSecretsAreRotatedWithoutARestart() throws {
        let daemon = try WebhookDaemon()
        try daemon.start()
        let newSecret = "whsec_" + Data((0..<24).map { UInt8($0 * 7 % 256) }).base64EncodedString()
        let body = #"{"text": "traplift"}"#
        let stamp = Int64(Date().timeIntervalSince1970)
        let key = try WebhookCredentials.secrets(in: newSecret)[0]
        func signedWithNewSecret(_ id: String) -> String {
            WebhookDaemon.post(body: body, id: id, timestamp: stamp)
                .replacingOccurrences(of: WebhookDaemon.sign(id: id, timestamp: stamp, body: body),
                                      with: StandardWebhooks.sign(id: id, timestamp: stamp, body: Array(body.utf8), key: key))
        }
        XCTAssertEqual(try daemon.send(signedWithNewSecret("msg_new_1")).status, 401)
        let file = daemon.harness.root.appendingPathComponent("hook.secret")
        try "\(WebhookDaemon.secret)\n\(newSecret)\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(daemon.harness.wait(timeout: 15) { (try? daemon.send(signedWithNewSecret("msg_new_2")))?.status == 202 })
        XCTAssertEqual(try daemon.send(WebhookDaemon.post(body: body, id: "msg_old_1")).status, 202, "both secrets hold")
        try "\(newSecret)\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(daemon.harness.wait(timeout: 15) {
            (try? daemon.send(WebhookDaemon.post(body: body, id: "msg_old_\(UUID().uuidString)")))?.status == 401
        })
        XCTAssertEqual(try daemon.send(signedWithNewSecret("msg_new_3")).status, 202)
    }

    func testWithoutReadableSecretsPostsAreRefusedUntilTheFileIsFixed() throws {
        let daemon = try WebhookDaemon()
        let file = daemon.harness.root.appendingPathComponent("hook.secret")
        try "not a secret\n".write(to: file, atomically: true, encoding: .utf8)
        try daemon.start()
        let refused = try daemon.send(WebhookDaemon.post(body: #"{"text": "asbest"}"#, id: "msg_closed"))
        XCTAssertEqual(refused.status, 503)
        XCTAssertNotNil(refused.headers["retry-after"])
        XCTAssertEqual(try daemon.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n").status, 503)
        XCTAssertTrue(daemon.harness.log.contains("credentials-unreadable"), daemon.harness.log)
        try "\(WebhookDaemon.secret)\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(daemon.harness.wait(timeout: 15) {
            (try? daemon.send(WebhookDaemon.post(body: #"{"text": "asbest"}"#, id: "msg_\(UUID().uuidString)")))?.status == 202
        })
    }

    func testAReloadThatChangesTheSourceRestartsItOnTheSamePort() throws {
        let daemon = try WebhookDaemon(keys: "idle-timeout = 30")
        try daemon.start()
        let before = WebhookDaemon.post(body: #"{"text": "asbest"}"#, id: "msg_before")
        XCTAssertEqual(try daemon.send(before).status, 202)
        let config = try String(contentsOfFile: daemon.harness.configPath, encoding: .utf8)
        try config.replacingOccurrences(of: "idle-timeout = 30", with: "idle-timeout = 20")
            .write(toFile: daemon.harness.configPath, atomically: true, encoding: .utf8)
        daemon.harness.signal(SIGHUP)
        XCTAssertTrue(daemon.harness.wait(timeout: 20) {
            daemon.harness.log.components(separatedBy: "\"webhook-listening\"").count == 3
        }, daemon.harness.log)
        XCTAssertEqual(try daemon.send(WebhookDaemon.post(body: #"{"text": "asbest"}"#, id: "msg_after")).status, 202)
        XCTAssertEqual(try daemon.send(before).status, 401, "a replay is still known after the restart")
    }

    /// A request signed by the `standardwebhooks` package from PyPI.
    private func pythonSignedRequest(body: String, id: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let script = """
            import sys
            from datetime import datetime, timezone
            from standardwebhooks import Webhook
            secret, msg_id, body = sys.argv[1:4]
            now = datetime.now(tz=timezone.utc)
            print(int(now.timestamp()))
            print(Webhook(secret).sign(msg_id, now, body))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, WebhookDaemon.secret, id, body]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "python3 with standardwebhooks (pip install standardwebhooks)",
                       file: file, line: line)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.count == 2 else { throw POSIXError(.EINVAL) }
        return "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\nwebhook-id: \(id)\r\nwebhook-timestamp: \(lines[0])\r\n"
            + "webhook-signature: \(lines[1])\r\n\r\n" + body
    }
}

/// Message IDs collected by client threads.
final class LockedIDs: @unchecked Sendable {
    // Sound: every access goes through `lock`.
    private let lock = NSLock()
    private var ids: [String] = []
    private var others = 0

    /// Adds an accepted ID, or counts a refusal for nil.
    func add(_ id: String?) {
        lock.lock()
        if let id { ids.append(id) } else { others += 1 }
        lock.unlock()
    }

    var accepted: [String] {
        lock.lock()
        defer { lock.unlock() }
        return ids
    }

    var refused: Int {
        lock.lock()
        defer { lock.unlock() }
        return others
    }
}
