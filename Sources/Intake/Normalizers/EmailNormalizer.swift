import Mail
import Messages

/// Turns an e-mail into a ``NormalizedInput``, or says why it is noise (auto-reply, bounce).
public enum EmailNormalizer {
    /// What an e-mail turned out to be.
    public enum Outcome: Sendable {
        /// A message for a team.
        case message(NormalizedInput, conversation: Conversation)
        /// Automatic mail that no team should get, with the reason.
        case noise(String)
    }

    /// The threading facts the router needs for conversation affinity.
    public struct Conversation: Sendable, Hashable {
        /// This message's own `Message-ID`, without angle brackets.
        public var messageID: String?
        /// `In-Reply-To` and `References`, most recent first.
        public var ancestors: [String]
    }

    /// Parses `bytes` (an RFC 5322 message) within `limits`.
    /// - Throws: ``MailError`` when the message is beyond the limits or not a message at all.
    public static func normalize(
        _ bytes: [UInt8], source: SourceReference, limits: MailLimits = .default
    ) throws -> Outcome {
        let mail = try MailParser.parse(bytes, limits: limits)
        if let noise = mail.noiseReason { return .noise(noise) }
        var channelData: [String: JSONValue] = [:]
        channelData["messageId"] = mail.messageID.map(JSONValue.string)
        channelData["inReplyTo"] = mail.inReplyTo.first.map(JSONValue.string)
        if !mail.references.isEmpty { channelData["references"] = .array(mail.references.map(JSONValue.string)) }
        if !mail.replyTo.isEmpty { channelData["replyTo"] = .array(mail.replyTo.map { .string($0.description) }) }
        channelData["date"] = mail.date.map(JSONValue.string)
        channelData["quotedHistory"] = mail.quotedHistory.map(JSONValue.string)
        channelData["signature"] = mail.signature.map(JSONValue.string)
        if !mail.defects.isEmpty { channelData["defects"] = .array(mail.defects.map(JSONValue.string)) }
        var reference = source
        if let messageID = mail.messageID { reference.ref = "<\(messageID)>" }
        let message = Message(
            channel: .email, source: reference,
            sender: Sender(name: mail.from?.name, email: mail.from?.address),
            subject: mail.subject, text: mail.mainText, channelData: channelData)
        let attachments = mail.attachments.map {
            DecodedAttachment(filename: $0.filename, contentType: $0.contentType, data: $0.data)
        }
        let conversation = Conversation(
            messageID: mail.messageID, ancestors: (mail.inReplyTo + mail.references.reversed()).uniqued())
        return .message(NormalizedInput(message: message, attachments: attachments), conversation: conversation)
    }
}

extension Array where Element: Hashable {
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
