import Foundation

/// The text of a receipt: the built-in Dutch text or a template file, with `{reference}`,
/// `{team}`, `{response-days}`, `{received}` and `{subject}` filled in. A line that names
/// `{response-days}` is left out when the team sets none.
public struct ReceiptTemplate: Sendable, Hashable {
    /// The template text.
    public var text: String

    /// The fields a template fills in.
    public struct Fields: Sendable, Hashable {
        /// The short reference (`K7QM-2XBD`).
        public var reference: String
        /// The team's public name.
        public var team: String
        /// The team's `response-days`, if set (and above 0).
        public var responseDays: Int?
        /// When the message was received.
        public var received: Date
        /// The message's subject ("" when it had none).
        public var subject: String

        /// Creates the fields.
        public init(reference: String, team: String, responseDays: Int?, received: Date, subject: String) {
            self.reference = reference
            self.team = team
            self.responseDays = responseDays
            self.received = received
            self.subject = subject
        }
    }

    /// The built-in Dutch text.
    public static let builtIn = ReceiptTemplate(text: """
        Beste inwoner,

        Wij hebben uw bericht van {received} goed ontvangen.
        Het onderwerp: {subject}

        Uw bericht is doorgestuurd naar {team}.
        U krijgt binnen {response-days} werkdagen een reactie.

        Uw referentie is {reference}. Noem deze referentie als u contact met ons opneemt.
        Wilt u iets aanvullen? Beantwoord dan deze e-mail; uw reactie komt bij hetzelfde team.

        Dit is een automatisch bericht.

        Met vriendelijke groet,
        Gemeente

        """)

    /// A template with `text`.
    public init(text: String) {
        self.text = text
    }

    /// The template in file `path` (UTF-8).
    public static func load(path: String) throws -> ReceiptTemplate {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let text = String(data: data, encoding: .utf8) else {
            throw CocoaError(.fileReadInapplicableStringEncoding, userInfo: [NSFilePathErrorKey: path])
        }
        return ReceiptTemplate(text: text)
    }

    /// The text with `fields` filled in.
    public func render(_ fields: Fields) -> String {
        var lines: [String] = []
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(line)
            if line.contains("{response-days}") {
                guard let days = fields.responseDays, days > 0 else { continue }
                line = line.replacingOccurrences(of: "{response-days}", with: String(days))
            }
            line = line.replacingOccurrences(of: "{reference}", with: fields.reference)
                .replacingOccurrences(of: "{team}", with: fields.team)
                .replacingOccurrences(of: "{received}", with: Self.dutchTime(fields.received))
                .replacingOccurrences(of: "{subject}", with: fields.subject.isEmpty ? "(geen onderwerp)" : fields.subject)
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// `date` as Dutch people write it, in Amsterdam time: `29 november 2026 om 11:15`.
    public static func dutchTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "nl_NL")
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy 'om' HH:mm"
        return formatter.string(from: date)
    }
}
