import Foundation
import Messages

/// A receipt in the outbox: an ``OutboxRecord`` of its own kind, with its own ID (the message's
/// ID and ``suffix``), in its own scheduler lane (``lane``), whose `message` member is a JSON
/// object with the envelope and the whole RFC 5322 mail rather than the message JSON.
///
/// It shares the outbox's batch files, `ID.json` records, retries and dead letters with endpoint
/// deliveries; the delivery workers send it with ``SMTPSession`` instead of posting it.
public enum ReceiptRecord {
    /// The end of a receipt's record ID: `ID-receipt` (record IDs allow no dot).
    public static let suffix = "-receipt"
    /// The scheduler lane of every receipt: one SMTP server, one in-flight limit.
    public static let lane = "smtp"
    /// The `schema` of the `message` member.
    public static let schema = "wegwijzer.receipt/1"

    /// What a receipt record carries.
    public struct Envelope: Sendable, Hashable {
        /// The envelope sender (`MAIL FROM`).
        public var from: String
        /// The recipient (`RCPT TO`).
        public var to: String
        /// The receipt's Message-ID, without angle brackets.
        public var messageID: String
        /// The whole message: ASCII, CRLF line breaks.
        public var mail: String

        /// Creates an envelope.
        public init(from: String, to: String, messageID: String, mail: String) {
            self.from = from
            self.to = to
            self.messageID = messageID
            self.mail = mail
        }
    }

    /// Whether record `id` is a receipt.
    public static func isReceipt(_ id: String) -> Bool {
        id.hasSuffix(suffix)
    }

    /// The ID of the receipt record for message `id`.
    public static func recordID(forMessage id: String) -> String {
        id + suffix
    }

    /// The message ID a record stands for: the record's own ID, or for a receipt the ID of
    /// the message it acknowledges (the journal knows that one).
    public static func messageID(ofRecord id: String) -> String {
        isReceipt(id) ? String(id.dropLast(suffix.count)) : id
    }

    /// The outbox record of a receipt for message `id`, routed to `team`, made at `createdAt`.
    public static func record(forMessage id: String, team: String, envelope: Envelope, createdAt: Date) -> OutboxRecord {
        var json = JSONWriter()
        json.beginObject()
        json.member(literal: "schema", schema)
        json.member(literal: "from", envelope.from)
        json.member(literal: "to", envelope.to)
        json.member(literal: "messageId", envelope.messageID)
        json.member(literal: "mail", envelope.mail)
        json.endObject()
        return OutboxRecord(id: recordID(forMessage: id), team: team, endpoint: lane, createdAt: createdAt,
                            message: json.bytes)
    }

    /// The envelope of a receipt record's `message` member.
    public static func envelope(of record: OutboxRecord) throws(RecordFormatError) -> Envelope {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(record.message))) as? [String: Any],
              object["schema"] as? String == schema, let from = object["from"] as? String, let to = object["to"] as? String,
              let messageID = object["messageId"] as? String, let mail = object["mail"] as? String else {
            throw RecordFormatError(reason: "not a receipt")
        }
        return Envelope(from: from, to: to, messageID: messageID, mail: mail)
    }
}
