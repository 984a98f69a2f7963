import Foundation
import Glibc
import XCTest

/// A citizen with recognisable personal data, a configuration with every channel, and functions
/// to search the state folder for that data, for the privacy tests.
enum PrivacyFixture {
    static let email = "Johanna.deWit@voorbeeld.nl"
    static let phone = "06-87654321"
    static let name = "Johanna de Wit"
    /// Passes the elfproef.
    static let bsn = "111222333"
    static let text = "Mijn BSN is 111222333. De lantaarnpaal voor ons huis is kapot"

    /// The delivery tests' teams and form drop, with a call drop and a Maildir (all under the
    /// state folder); `router` adds `[router]` lines, `stadsbeheer` lines to the team
    /// Stadsbeheer, `extra` whole sections.
    static func config(router: String = "", stadsbeheer: String = "", extra: String = "") -> String {
        DeliveryFixture.config(router: router, teams: ["Stadsbeheer": stadsbeheer]) + """


            [source calls]
            type = call-drop
            path = in/calls

            [source mail]
            type = maildir
            path = in/mail
            \(extra)
            """
    }

    /// A form from the citizen (or from someone else), about `word`.
    static func form(_ word: String, subject: String, citizen: Bool = true) -> String {
        citizen
            ? #"{"name": "\#(name)", "email": "\#(email)", "phone": "\#(phone)", "subject": "\#(subject)", "text": "Mijn BSN is \#(bsn). De \#(word) voor ons huis is kapot"}"#
            : #"{"name": "Piet Pieters", "email": "piet@example.org", "subject": "\#(subject)", "text": "De \#(word) is stuk"}"#
    }

    /// A mail from the citizen; `auto` makes it an auto-reply (noise).
    static func mail(subject: String, auto: Bool = false) -> String {
        """
        From: \(name) <\(email)>
        To: kcc@gemeente.example
        Subject: \(subject)
        Message-ID: <\(UUID().uuidString)@voorbeeld.nl>
        \(auto ? "Auto-Submitted: auto-replied\n" : "")Content-Type: text/plain; charset=utf-8

        \(text)
        Groet, \(name), \(phone)
        """.replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// Delivers `text` into the Maildir `maildir` as `name` (written in tmp/, renamed into new/).
    static func deliver(_ text: String, into maildir: URL, as name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for folder in ["tmp", "new", "cur"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let temporary = maildir.appendingPathComponent("tmp/\(name)")
        try Data(text.utf8).write(to: temporary)
        XCTAssertEqual(rename(temporary.path, maildir.appendingPathComponent("new/\(name)").path), 0, file: file, line: line)
    }

    /// The files under `directory` whose bytes hold `needle` (without regard to ASCII case).
    static func files(under directory: URL, holding needle: String) -> [String] {
        let lowered = Data(needle.lowercased().utf8)
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        while let relative = enumerator?.nextObject() as? String {
            let path = directory.appendingPathComponent(relative).path
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            if Data(data.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }).range(of: lowered) != nil { found.append(relative) }
        }
        return found
    }

    /// The names of the files in `folder` of the state (not hidden).
    static func names(in folder: String, of daemon: DaemonHarness) -> [String] {
        let path = daemon.stateDirectory.appendingPathComponent(folder).path
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Runs `chattr FLAG PATH` (`+i` makes a file impossible to remove, even for root); its
    /// exit status, or -1 when it cannot run.
    static func chattr(_ flag: String, _ path: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The `find --json` items of a run, as objects.
    static func items(_ result: BinaryRunner.Result) -> [[String: Any]] {
        result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}
