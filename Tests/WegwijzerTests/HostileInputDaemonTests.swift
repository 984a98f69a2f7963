import Foundation
import Glibc
import XCTest

/// Every hostile input of `Tests/Fixtures/hostile` (mail, forms, calls), plus the big ones
/// made here, fed to the running daemon: each is routed, rejected or set aside as noise as
/// its README says, nothing is lost or left behind, the daemon keeps answering, and its
/// peak memory stays bounded.
final class HostileInputDaemonTests: XCTestCase {
    private static let config = DaemonHarness.config + """

        [source mail]
        type = maildir
        path = in/mail
        """

    /// Peak resident memory the daemon may reach on the whole corpus.
    private static let peakMemoryBound = 300 * 1024 * 1024

    func testHostileInputsAreEachRoutedRejectedOrSetAsideAndTheDaemonStaysWell() throws {
        let corpus = HostileCorpus.load()
        XCTAssertGreaterThanOrEqual(corpus.entries.count, 100, "the hostile corpus is missing")
        let daemon = try DaemonHarness(config: Self.config)
        try daemon.start()
        let maildir = daemon.stateDirectory.appendingPathComponent("in/mail")
        for folder in ["tmp", "new", "cur"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }

        var inputs: [HostileCorpus.Entry] = []
        for entry in corpus.entries where entry.channel != "http" && !entry.isSidecar {
            let content = try entry.content(in: corpus.root)
            switch entry.channel {
            case "mail":
                let temporary = maildir.appendingPathComponent("tmp/\(entry.name)")
                try content.write(to: temporary)
                XCTAssertEqual(rename(temporary.path, maildir.appendingPathComponent("new/\(entry.name)").path), 0)
            case "forms":
                try daemon.drop(content, as: entry.name, into: "forms")
            default:
                let sidecar = Self.sidecarName(entry.name)
                if let meta = corpus.entries.first(where: { $0.channel == "calls" && $0.name == sidecar }) {
                    try daemon.drop(try meta.content(in: corpus.root), as: sidecar, into: "calls")
                }
                try daemon.drop(content, as: entry.name, into: "calls")
            }
            inputs.append(entry)
        }

        let settled = daemon.wait(timeout: 120) {
            daemon.waiting(in: "forms").isEmpty && daemon.waiting(in: "calls").isEmpty
                && ((try? FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path)) ?? []).isEmpty
        }
        XCTAssertTrue(settled, "inputs left behind: \(daemon.waiting(in: "forms") + daemon.waiting(in: "calls")); log: \(daemon.log.suffix(3000))")

        // The daemon still answers: an ordinary form after the hostile ones is routed.
        try daemon.drop(#"{"text": "Mijn paspoort is verlopen."}"#, as: "ordinary.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 30) { daemon.queued("burgerzaken").contains { name in
            (try? daemon.message("burgerzaken", name)).flatMap { ($0["source"] as? [String: Any])?["ref"] as? String } == "ordinary.json"
        } }, "the daemon stopped answering; log: \(daemon.log.suffix(3000))")
        let process = try XCTUnwrap(daemon.process)
        XCTAssertTrue(process.isRunning, "the daemon died; log: \(daemon.log.suffix(3000))")

        var outcomes = Outcomes(daemon: daemon, maildir: maildir)
        var wrong: [String] = []
        for entry in inputs {
            let found = outcomes.outcome(of: entry)
            if found.count != 1 {
                wrong.append("\(entry.channel)/\(entry.name): \(found.isEmpty ? "lost" : "found as \(found.joined(separator: " and "))")")
            } else if found[0] != entry.outcome {
                wrong.append("\(entry.channel)/\(entry.name): \(found[0]), expected \(entry.outcome)\(outcomes.reason(of: entry))")
            }
        }
        XCTAssertEqual(outcomes.queuedCount, outcomes.routedCount + 1, "queue files that belong to no input, or twice to one")
        XCTAssertTrue(wrong.isEmpty, "\(wrong.count) inputs with another outcome:\n" + wrong.joined(separator: "\n"))

        let peak = try XCTUnwrap(Self.peakResidentBytes(of: process.processIdentifier))
        print("hostile inputs: \(inputs.count) fed; daemon peak RSS (VmHWM) \(peak / 1024 / 1024) MiB")
        XCTAssertLessThan(peak, Self.peakMemoryBound, "peak RSS \(peak / 1024 / 1024) MiB")
    }

    /// `call.vtt` → `call.meta.json`, as the drop directory pairs them.
    private static func sidecarName(_ name: String) -> String {
        let base = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        return base + ".meta.json"
    }

    /// `VmHWM` of `/proc/PID/status`, in bytes.
    private static func peakResidentBytes(of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else {
            return nil
        }
        return kilobytes * 1024
    }
}

/// Where each input ended up, read from the queues, the Maildir, `rejected/` and `noise/`.
private struct Outcomes {
    private var routedRefs: Set<String> = []
    private(set) var queuedCount = 0
    private(set) var routedCount = 0
    private let daemon: DaemonHarness
    private let maildir: URL

    init(daemon: DaemonHarness, maildir: URL) {
        self.daemon = daemon
        self.maildir = maildir
        for queue in ["kcc", "stadsbeheer", "milieu", "wmo", "burgerzaken"] {
            for file in daemon.queued(queue) {
                queuedCount += 1
                let message = try? daemon.message(queue, file)
                if let ref = (message?["source"] as? [String: Any])?["ref"] as? String,
                   let name = (message?["source"] as? [String: Any])?["name"] as? String {
                    routedRefs.insert("\(name)/\(ref)")
                }
            }
        }
    }

    /// Every outcome found for `entry`: one when all is well.
    mutating func outcome(of entry: HostileCorpus.Entry) -> [String] {
        var found: [String] = []
        let state = daemon.stateDirectory
        switch entry.channel {
        case "mail":
            let current = (try? FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("cur").path)) ?? []
            if current.contains(where: { $0.hasPrefix(entry.name + ":") }) { found.append("routed") }
            if exists(maildir.appendingPathComponent("rejected/\(entry.name).reason")) { found.append("rejected") }
        default:
            let source = entry.channel
            if routedRefs.contains("\(source)/\(entry.name)") { found.append("routed") }
            if exists(state.appendingPathComponent("in/\(source)/rejected/\(entry.name).reason")) { found.append("rejected") }
        }
        if exists(state.appendingPathComponent("noise/\(entry.name).reason")) { found.append("noise") }
        if found == ["routed"] { routedCount += 1 }
        return found
    }

    /// `: REASON` when the input was rejected or set aside.
    func reason(of entry: HostileCorpus.Entry) -> String {
        let state = daemon.stateDirectory
        let candidates = [
            maildir.appendingPathComponent("rejected/\(entry.name).reason"),
            state.appendingPathComponent("in/\(entry.channel)/rejected/\(entry.name).reason"),
            state.appendingPathComponent("noise/\(entry.name).reason"),
        ]
        for url in candidates {
            if let text = try? String(contentsOf: url, encoding: .utf8) { return ": " + text.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        return ""
    }

    private func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }
}
