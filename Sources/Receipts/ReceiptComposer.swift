import Foundation
import Messages
import Routing

/// A receipt, ready for the outbox: envelope addresses, its Message-ID and the whole RFC 5322
/// message (ASCII, CRLF line breaks). Built once when its message is committed, so every
/// attempt sends the same bytes under the same Message-ID.
public struct Receipt: Sendable, Hashable {
    /// The envelope sender (`MAIL FROM`).
    public var from: String
    /// The recipient (`RCPT TO`).
    public var to: String
    /// The receipt's Message-ID, without angle brackets.
    public var messageID: String
    /// The reference shown to the citizen.
    public var reference: String
    /// The message.
    public var mail: String
}

/// Writes receipts: the RFC 5322 / MIME message for a routed message.
public enum ReceiptComposer {
    /// The receipt for `message` (with its ID), routed to `team`, sent to `recipient`.
    /// `now` is its `Date`.
    public static func compose(message: Message, team: TeamConfig, recipient: String, settings: AcknowledgeSettings,
                               template: ReceiptTemplate, now: Date) -> Receipt {
        let reference = ReceiptReference.make(id: message.id)
        let domain = settings.fromAddress.split(separator: "@").last.map(String.init) ?? "localhost"
        let messageID = "\(message.id).receipt@\(domain)"
        let received = RFC3339Parsing.date(message.receivedAt) ?? now
        let subject = message.subject.map { $0.isNewline ? " " : String($0) }.joined()
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let body = template.render(ReceiptTemplate.Fields(
            reference: reference, team: team.publicName ?? team.name, responseDays: team.responseDays,
            received: received, subject: subject))
        let subjectLine = "Ontvangen: " + (subject.isEmpty ? "uw bericht" : subject) + " [ref \(reference)]"
        var headers: [String] = []
        headers.append(MailEncoding.header("From", settings.fromName.map { encodedName($0) + " <\(settings.fromAddress)>" }
            ?? settings.fromAddress))
        headers.append("To: \(recipient)")
        if let replyTo = settings.replyTo { headers.append("Reply-To: \(replyTo)") }
        headers.append(MailEncoding.header("Subject", subjectLine))
        headers.append("Date: " + MailEncoding.rfc5322Date(now))
        headers.append("Message-ID: <\(messageID)>")
        if message.channel == .email, case .string(let original)? = message.channelData["messageId"],
           !original.isEmpty, original.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != 0x3C && $0 != 0x3E }) {
            headers.append("In-Reply-To: <\(original)>")
            headers.append("References: <\(original)>")
        }
        headers.append("Auto-Submitted: auto-replied")
        headers.append("X-Auto-Response-Suppress: All")
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Type: text/plain; charset=utf-8")
        headers.append("Content-Transfer-Encoding: quoted-printable")
        let mail = headers.joined(separator: "\r\n") + "\r\n\r\n" + MailEncoding.quotedPrintable(body) + "\r\n"
        return Receipt(from: settings.fromAddress, to: recipient, messageID: messageID, reference: reference, mail: mail)
    }

    /// A display name: as it is when plain ASCII words, else encoded.
    private static func encodedName(_ name: String) -> String {
        let plain = name.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x20 }
        if plain { return name }
        return MailEncoding.encodedWords(name).joined(separator: " ")
    }
}

/// RFC 3339 times as the message JSON writes them (`2026-11-29T10:15:00Z`, with or without
/// fractions).
enum RFC3339Parsing {
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
