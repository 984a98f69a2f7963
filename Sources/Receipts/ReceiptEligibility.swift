import Foundation
import Messages
import Routing

/// Who gets a receipt: a routed message on a configured channel with a sender address that is
/// well-formed, not an automatic mailbox (`noreply`, `no-reply`, `mailer-daemon`, `postmaster`
/// and the like) and not one of the router's own addresses (`from`, `reply-to`). Auto-replies,
/// bounces and other noise never reach the router, so they never get one.
public enum ReceiptEligibility {
    /// The decision for one message.
    public enum Verdict: Sendable, Equatable {
        /// Send a receipt to this address (lower-cased domain, local part as written).
        case send(to: String)
        /// No receipt, and why (for the log; never the address).
        case skip(reason: String)
    }

    /// Local parts that belong to automatic mailboxes, compared without case, `.`, `-` and `_`.
    static let automaticLocalParts: Set<String> = [
        "noreply", "donotreply", "mailerdaemon", "postmaster", "bounce", "bounces", "autoreply",
    ]

    /// The address a receipt for `message` would go to: for e-mail the first `Reply-To`, else
    /// `From`; for the other channels the sender's e-mail field.
    public static func address(of message: Message) -> String? {
        if message.channel == .email, case .array(let replyTo)? = message.channelData["replyTo"],
           case .string(let first)? = replyTo.first {
            return MailboxSyntax.parseMailbox(first)?.address ?? first
        }
        return message.sender.email?.trimmingCharacters(in: .whitespaces)
    }

    /// Whether `message` gets a receipt under `settings`.
    public static func judge(_ message: Message, settings: AcknowledgeSettings) -> Verdict {
        guard settings.channels.contains(message.channel.rawValue) else { return .skip(reason: "channel") }
        guard let raw = address(of: message), !raw.isEmpty else { return .skip(reason: "no-address") }
        guard MailboxSyntax.isValid(raw) else { return .skip(reason: "bad-address") }
        let address = normalized(raw)
        let local = address.prefix { $0 != "@" }.lowercased().filter { $0 != "." && $0 != "-" && $0 != "_" }
        let base = local.prefix { $0 != "+" }
        if automaticLocalParts.contains(String(base)) { return .skip(reason: "automatic-address") }
        let own = [settings.fromAddress, settings.replyTo].compactMap { $0 }.map(normalized)
        if own.contains(where: { $0.lowercased() == address.lowercased() }) { return .skip(reason: "own-address") }
        return .send(to: address)
    }

    /// `local@domain` with the domain in lower case (local parts may be case-sensitive).
    public static func normalized(_ address: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return address }
        return String(address[..<at]) + address[at...].lowercased()
    }
}
