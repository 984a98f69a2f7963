/// A parsed message: its MIME tree, the header values a router needs, the text to route on
/// and the files it carries.
public struct ParsedMail: Sendable {
    /// The top-level header fields.
    public let headers: MailHeaders
    /// The root of the MIME tree.
    public let root: MailPart
    /// The decoded `Subject`, or "".
    public let subject: String
    /// The first mailbox of `From`.
    public let from: MailAddress?
    /// The mailboxes of `Reply-To`.
    public let replyTo: [MailAddress]
    /// The mailboxes of `To`.
    public let to: [MailAddress]
    /// The mailboxes of `Cc`.
    public let cc: [MailAddress]
    /// The `Message-ID` without angle brackets.
    public let messageID: String?
    /// Identifiers in `In-Reply-To`, without angle brackets.
    public let inReplyTo: [String]
    /// Identifiers in `References`, without angle brackets.
    public let references: [String]
    /// The `Date` header as written.
    public let date: String?
    /// Every `text/*` leaf that is not an attachment, in document order, embedded messages
    /// included.
    public let textParts: [MailPart]
    /// The body text a person reads (see ``bestText``), line breaks LF.
    public let bodyText: String
    /// ``bodyText`` without quoted history and signature.
    public let mainText: String
    /// Quoted earlier messages split off ``bodyText``, if any.
    public let quotedHistory: String?
    /// The signature split off ``bodyText``, if any.
    public let signature: String?
    /// Attachments anywhere in the tree (embedded messages included), and files uuencoded
    /// into plain text.
    public let attachments: [MailAttachment]
    /// Why the message is automatic mail (auto-reply, bulk, delivery report), or nil.
    public let noiseReason: String?
    /// Problems the parser worked around, e.g. a missing multipart boundary.
    public let defects: [String]

    /// The best body text: the main body's text (`text/plain` preferred in alternatives,
    /// else HTML converted, the inline text parts of a `mixed` joined); when that is blank,
    /// the body of the first forwarded (embedded) message. Same as ``bodyText``.
    public var bestText: String { bodyText }

    /// Messages embedded as `message/rfc822` (and other `message/*`) parts outside other
    /// embedded messages, e.g. forwarded mail.
    public var forwarded: [ParsedMail] {
        Self.embeddedRoots(of: root).map { ParsedMail(root: $0, defects: []) }
    }

    /// Builds the summary of a parsed tree.
    init(root: MailPart, defects: [String]) {
        self.root = root
        self.headers = root.headers
        self.defects = defects
        subject = (root.headers["Subject"] ?? "").trimmingBlanks()
        from = root.headers.raw(named: "From").flatMap(AddressParser.parse)
        replyTo = root.headers.raw(named: "Reply-To").map(AddressParser.parseList) ?? []
        to = root.headers.allRaw(named: "To").flatMap(AddressParser.parseList)
        cc = root.headers.allRaw(named: "Cc").flatMap(AddressParser.parseList)
        messageID = root.headers.raw(named: "Message-ID").flatMap { MessageIDs.parse($0).first }
        inReplyTo = root.headers.raw(named: "In-Reply-To").map(MessageIDs.parse) ?? []
        references = root.headers.raw(named: "References").map(MessageIDs.parse) ?? []
        date = root.headers.raw(named: "Date").flatMap { $0.isEmpty ? nil : $0 }
        let leaves = root.leaves
        textParts = leaves.filter { $0.mainType == "text" && !$0.isAttachment && !$0.isMultipart }
        bodyText = ReplySplitter.trimmedBlock(
            Self.bestBody(root).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        let reply = ReplySplitter.split(bodyText)
        mainText = reply.mainText
        quotedHistory = reply.quotedHistory
        signature = reply.signature
        attachments = Self.attachments(leaves)
        noiseReason = NoiseDetector.reason(headers: root.headers, root: root)
    }

    private static func bestBody(_ root: MailPart) -> String {
        let text = BodySelector.text(of: root)
        if !BodySelector.isBlank(text) { return text }
        for embedded in embeddedRoots(of: root) {
            let text = bestBody(embedded)
            if !BodySelector.isBlank(text) { return text }
        }
        return ""
    }

    private static func embeddedRoots(of root: MailPart) -> [MailPart] {
        var result: [MailPart] = []
        var stack = [root]
        while let part = stack.popLast() {
            if part.mainType == "message" && part.contentType != "message/delivery-status" {
                if let child = part.children.first { result.append(child) }
                continue
            }
            stack.append(contentsOf: part.children.reversed())
        }
        return result
    }

    private static func attachments(_ leaves: [MailPart]) -> [MailAttachment] {
        var result: [MailAttachment] = []
        for part in leaves {
            if part.isAttachment {
                let name = part.filename
                    ?? "part-\(result.count + 1).\(MailAttachment.defaultExtension(part.contentType))"
                result.append(MailAttachment(
                    filename: name, contentType: part.contentType, data: part.body,
                    contentID: part.contentID, isInline: part.disposition == "inline"))
            } else if part.contentType == "text/plain", let text = part.text {
                for file in InlineUUBlocks.extract(text).files {
                    let name = FileNames.sanitized(file.name) ?? "part-\(result.count + 1).bin"
                    result.append(MailAttachment(filename: name, contentType: "application/octet-stream", data: file.data))
                }
            }
        }
        return result
    }
}
