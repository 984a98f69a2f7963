import Foundation
import XCTest

/// A configuration and state-folder helpers for the endpoint delivery tests.
enum DeliveryFixture {
    /// Three teams and a form drop; `teams` adds lines to a team (its endpoint keys), `router`
    /// to `[router]`. Retries are quick unless the router lines say otherwise.
    static func config(router: String = "", teams: [String: String]) -> String {
        """
        [router]
        state = state
        queues = queues
        fallback = KCC
        retry-base = 100ms
        retry-cap = 400ms
        \(router)

        [team KCC]
        \(teams["KCC"] ?? "")

        [team Stadsbeheer]
        signals = lantaarnpaal:4
        \(teams["Stadsbeheer"] ?? "")

        [team Milieu]
        signals = asbest:4
        \(teams["Milieu"] ?? "")

        [source forms]
        type = form-drop
        path = in/forms
        """
    }

    /// A form for Stadsbeheer (`lantaarnpaal`) or Milieu (`asbest`), numbered.
    static func form(_ word: String, _ number: Int) -> String {
        #"{"subject": "melding \#(number)", "text": "Er is iets met de \#(word) in onze straat, nummer \#(number)"}"#
    }

    /// Writes a Standard Webhooks secret file and returns its path.
    static func secretFile(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("endpoint.whsec").path
        let key = (0..<24).map { _ in UInt8.random(in: 0...255) }
        try ("whsec_" + Data(key).base64EncodedString() + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

extension DaemonHarness {
    /// The message IDs in a team queue's `new/`.
    func queuedIDs(_ queue: String) -> [String] {
        queued(queue).map { String($0.dropLast(5)) }
    }

    /// The IDs of the records in `STATE/outbox` (`ID.json` files and pending batch entries)
    /// or `STATE/dead`.
    func records(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: stateDirectory.appendingPathComponent(folder).path)) ?? []
        let files = names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        let batched = batchEntries(in: folder).compactMap { $0["id"] as? String }
        return Array(Set(files + batched)).sorted()
    }

    /// A record of `STATE/outbox` or `STATE/dead`, as JSON: its `ID.json`, else its pending
    /// batch entry.
    func record(_ id: String, in folder: String) -> [String: Any]? {
        let path = stateDirectory.appendingPathComponent("\(folder)/\(id).json").path
        guard let data = FileManager.default.contents(atPath: path) else {
            return batchEntries(in: folder).first { $0["id"] as? String == id }
        }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    /// The pending entries of the batch files (`NAME.batch`) in `folder`: each `P LENGTH JSON`
    /// and a newline; `D` marks an entry done.
    func batchEntries(in folder: String) -> [[String: Any]] {
        let directory = stateDirectory.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var entries: [[String: Any]] = []
        for name in names where name.hasSuffix(".batch") {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { continue }
            let bytes = [UInt8](data)
            var offset = 0
            while offset + 2 < bytes.count, let space = bytes[(offset + 2)...].firstIndex(of: 0x20),
                  let length = Int(String(decoding: bytes[(offset + 2)..<space], as: UTF8.self)),
                  space + 1 + length <= bytes.count {
                let json = Data(bytes[(space + 1)..<(space + 1 + length)])
                if bytes[offset] == UInt8(ascii: "P"), let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] {
                    entries.append(object)
                }
                offset = space + 1 + length + 1
            }
        }
        return entries
    }

    /// The attempts of a record.
    func attempts(_ id: String, in folder: String) -> [[String: Any]] {
        record(id, in: folder)?["attempts"] as? [[String: Any]] ?? []
    }

    /// Runs `wegwijzer ARGUMENTS --config … --state …` against this daemon's configuration.
    func command(_ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments + ["--config", configPath, "--state", stateDirectory.path], directory: root)
    }
}

/// The Unix time of a logged sink request.
func arrival(_ request: [String: Any]) -> Double {
    request["time"] as? Double ?? 0
}
