import Foundation

/// The hostile inputs of `Tests/Fixtures/hostile`, read from its README table (file,
/// expected outcome, description), with the big inputs made here rather than committed.
struct HostileCorpus {
    /// One input.
    struct Entry {
        /// `mail`, `forms`, `calls` or `http`.
        var channel: String
        /// The file name.
        var name: String
        /// `routed`, `rejected` or `noise` (for http: the expected answer).
        var outcome: String
        /// True for inputs made at run time.
        var isGenerated: Bool

        /// A call's `NAME.meta.json`: it travels with its transcript.
        var isSidecar: Bool { channel == "calls" && name.hasSuffix(".meta.json") }

        /// The input's bytes: the committed file, or the one made here.
        func content(in root: URL) throws -> Data {
            if isGenerated {
                guard let made = HostileCorpus.generate("\(channel)/\(name)") else {
                    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(channel)/\(name)"])
                }
                return made
            }
            return try Data(contentsOf: root.appendingPathComponent("\(channel)/\(name)"))
        }
    }

    /// `Tests/Fixtures/hostile`.
    let root: URL
    /// Every input the README lists.
    let entries: [Entry]

    /// Reads the README next to the inputs.
    static func load(filePath: StaticString = #filePath) -> HostileCorpus {
        let root = URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hostile")
        let readme = (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        var channel = ""
        var entries: [Entry] = []
        for line in readme.split(separator: "\n") {
            if line.hasPrefix("## ") {
                channel = line.dropFirst(3).trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
                continue
            }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells[0].hasPrefix("`"), cells[0].hasSuffix("`") else { continue }
            entries.append(Entry(channel: channel, name: String(cells[0].dropFirst().dropLast()), outcome: cells[1],
                                 isGenerated: cells[2].contains("made by the test at run time")))
        }
        return HostileCorpus(root: root, entries: entries)
    }

    private static let head = "From: Anna <anna@example.nl>\r\nTo: kcc@gemeente.example\r\nSubject: Lantaarnpaal kapot\r\n"

    /// The inputs too big to commit, by `channel/name`.
    static func generate(_ path: String) -> Data? {
        let megabyte = 1024 * 1024
        switch path {
        case "mail/line-100mb.eml":
            return Data(head.utf8) + Data("Message-ID: <line100@example.nl>\r\n\r\n".utf8) + line(100 * megabyte)
        case "mail/line-8mb.eml":
            return Data(head.utf8) + Data("Message-ID: <line8@example.nl>\r\n\r\nDe lantaarnpaal is kapot. ".utf8) + line(8 * megabyte)
        case "mail/header-2mb.eml":
            var text = head + "Message-ID: <header2@example.nl>\r\n"
            for index in 0..<(2 * megabyte / 64) { text += "X-Filler-\(index): " + String(repeating: "v", count: 46) + "\r\n" }
            return Data((text + "\r\nDe lantaarnpaal is kapot.\r\n").utf8)
        case "mail/base64-bomb-10mb.eml":
            let encoded = Data(count: 10 * megabyte).base64EncodedData(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            return Data((head + "Message-ID: <bomb@example.nl>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nDe lantaarnpaal is kapot.\r\n"
                + "--b\r\nContent-Type: application/octet-stream; name=nul.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n").utf8)
                + encoded + Data("\r\n--b--\r\n".utf8)
        case "forms/base64-bomb-10mb.json":
            return Data(#"{"text": "De stoeptegel ligt los.", "attachments": [{"filename": "nul.bin", "contentType": "application/octet-stream", "content": ""#.utf8)
                + Data(count: 10 * megabyte).base64EncodedData() + Data(#""}]}"#.utf8)
        case "forms/line-100mb.json":
            return Data(#"{"text": ""#.utf8) + line(100 * megabyte) + Data(#""}"#.utf8)
        case "calls/line-100mb.txt":
            return Data("Mijn paspoort is verlopen. ".utf8) + line(100 * megabyte)
        case "calls/line-8mb.vtt":
            return Data("WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nMijn paspoort is verlopen. ".utf8) + line(8 * megabyte) + Data("\n".utf8)
        default:
            return nil
        }
    }

    /// `count` bytes of words without a line break.
    private static func line(_ count: Int) -> Data {
        var bytes = Data("bla ".utf8)
        while bytes.count < count { bytes.append(bytes) }
        return bytes.prefix(count)
    }
}
