import Foundation
import Messages

/// Builds ``AcknowledgeSettings`` from the checked `[acknowledge]` entries and reports what is
/// wrong across its keys: the URL scheme and host, `starttls` with `smtps://`, the addresses,
/// the channels, `per-address`, a user name without its password file (or the reverse).
enum AcknowledgeReader {
    /// The settings (`nil` when a required value is missing or wrong) and the problems found.
    static func read(_ values: ConfigSectionValues) -> (AcknowledgeSettings?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func error(_ message: String, _ key: String) {
            diagnostics.append(.error(message, at: values.valueLocation(key) ?? values.section.location))
        }
        var smtp: String?
        if let url = values.text("smtp") {
            if let problem = smtpProblem(url) { error(problem, "smtp") } else { smtp = url }
        }
        var from: (name: String?, address: String)?
        if let text = values.text("from") {
            from = MailboxSyntax.parseMailbox(text)
            if from == nil { error("'from' must be an address such as Gemeente Katwijk <noreply@katwijk.nl>, not '\(text)'", "from") }
        }
        let replyTo = values.text("reply-to")
        if let replyTo, MailboxSyntax.parseMailbox(replyTo) == nil {
            error("'reply-to' must be an address such as kcc@katwijk.nl, not '\(replyTo)'", "reply-to")
        }
        let startTLS = values.text("starttls").flatMap(AcknowledgeSettings.StartTLS.init(rawValue:))
        if values.has("starttls"), smtp?.lowercased().hasPrefix("smtps://") == true {
            error("'starttls' applies to smtp:// only: smtps:// is TLS from the start", "starttls")
        }
        if values.has("username") != values.has("password-file") {
            error(values.has("username") ? "'username' needs 'password-file'" : "'password-file' needs 'username'",
                  values.has("username") ? "username" : "password-file")
        }
        var channels = AcknowledgeSettings.defaultChannels
        if values.has("channels") {
            channels = []
            for name in values.names("channels") {
                let lower = name.lowercased()
                if AcknowledgeSettings.knownChannels.contains(lower) {
                    channels.insert(lower)
                } else {
                    let hint = Suggestions.closest(to: lower, among: AcknowledgeSettings.knownChannels)
                        .map { "did you mean '\($0)'?" } ?? "expected " + ConfigValueParser.listText(AcknowledgeSettings.knownChannels)
                    error("unknown channel '\(name)' in 'channels' (\(hint))", "channels")
                }
            }
        }
        var limit: (count: Int, period: Double)?
        if let text = values.text("per-address") {
            limit = AcknowledgeSettings.parsePerAddress(text)
            if limit == nil {
                error("'per-address' must be N/PERIOD with a period from 1m to 366d, such as 3/24h, not '\(text)'", "per-address")
            }
        }
        guard let smtp, let from, diagnostics.isEmpty else { return (nil, diagnostics) }
        var settings = AcknowledgeSettings(smtp: smtp, fromName: from.name, fromAddress: from.address)
        settings.startTLS = startTLS ?? .required
        settings.username = values.text("username")
        settings.passwordFile = values.text("password-file")
        settings.caFile = values.text("ca")
        settings.replyTo = replyTo.flatMap { MailboxSyntax.parseMailbox($0)?.address }
        settings.channels = channels
        settings.template = values.text("template")
        if let limit { (settings.perAddressCount, settings.perAddressPeriod) = limit }
        return (settings, diagnostics)
    }

    /// What is wrong with an `smtp` URL, or `nil`.
    static func smtpProblem(_ url: String) -> String? {
        let lower = url.lowercased()
        guard let scheme = ["smtp://", "smtps://"].first(where: { lower.hasPrefix($0) }) else {
            return "'smtp' must be an smtp:// or smtps:// URL, not '\(url)'"
        }
        let rest = url.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" }
        if authority.contains("@") { return "'smtp' must not hold a user name or password: use 'username' and 'password-file'" }
        let host = authority.hasPrefix("[") ? authority.prefix { $0 != "]" } : authority.prefix { $0 != ":" }
        if host.isEmpty || host == "[" { return "'smtp' has no host: '\(url)'" }
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            let port = authority[authority.index(after: colon)...]
            guard let number = Int(port), (1...65535).contains(number) else { return "'smtp' has a bad port: '\(url)'" }
        }
        if url.contains(where: { $0.isWhitespace || $0 == "\"" }) { return "'smtp' must not contain spaces or quotes" }
        return nil
    }
}
