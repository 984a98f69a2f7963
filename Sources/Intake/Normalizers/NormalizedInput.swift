import Messages

/// What a normalizer makes of one input: the message and the files that came with it.
///
/// The message's `id`, `receivedAt`, `routing` and `attachments` are left empty; the
/// pipeline fills them once it has stored the attachments and routed the message.
public struct NormalizedInput: Sendable {
    /// The normalized message.
    public var message: Message
    /// The decoded attachments, in input order.
    public var attachments: [DecodedAttachment]

    /// Creates a normalized input.
    public init(message: Message, attachments: [DecodedAttachment] = []) {
        self.message = message
        self.attachments = attachments
    }
}
