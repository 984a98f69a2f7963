/// One node of a message's MIME tree: a multipart, an embedded message, or a leaf with a body.
public struct MailPart: Sendable {
    /// The part's own header fields.
    public var headers: MailHeaders
    /// The effective content type, lower case (`text/plain`, `multipart/mixed`). A missing or
    /// invalid `Content-Type` gives the default (`text/plain`, `message/rfc822` in a digest);
    /// a multipart that cannot be split is read as `text/plain`.
    public var contentType: String
    /// `Content-Type` parameters, names in lower case, RFC 2231 applied.
    public var parameters: [String: String]
    /// The `Content-Disposition` type in lower case (`inline`, `attachment`), if given.
    public var disposition: String?
    /// `Content-Disposition` parameters, names in lower case, RFC 2231 applied.
    public var dispositionParameters: [String: String]
    /// The body after transfer decoding; empty for multiparts and embedded messages.
    public var body: [UInt8]
    /// For `text/*` leaves: the body decoded with its charset, line endings made LF.
    public var text: String?
    /// Sub-parts of a multipart; the embedded message of a `message/*` part; the field
    /// groups of a `message/delivery-status` part.
    public var children: [MailPart]

    /// Creates a part.
    public init(
        headers: MailHeaders = MailHeaders(), contentType: String = "text/plain",
        parameters: [String: String] = [:], disposition: String? = nil,
        dispositionParameters: [String: String] = [:], body: [UInt8] = [], text: String? = nil,
        children: [MailPart] = []
    ) {
        self.headers = headers
        self.contentType = contentType
        self.parameters = parameters
        self.disposition = disposition
        self.dispositionParameters = dispositionParameters
        self.body = body
        self.text = text
        self.children = children
    }

    /// The type before the slash (`text`).
    public var mainType: String { String(contentType.prefix { $0 != "/" }) }

    /// The type after the slash (`plain`).
    public var subType: String {
        guard let slash = contentType.firstIndex(of: "/") else { return "" }
        return String(contentType[contentType.index(after: slash)...])
    }

    /// The `charset` parameter, if any.
    public var charset: String? { parameters["charset"] }

    /// Whether this part is a multipart container.
    public var isMultipart: Bool { mainType == "multipart" }

    /// The file name: `Content-Disposition` `filename`, else `Content-Type` `name`, with RFC
    /// 2231 and RFC 2047 decoding, directory parts and control characters removed.
    public var filename: String? {
        let raw = dispositionParameters["filename"] ?? parameters["name"]
            ?? dispositionParameters["name"] ?? parameters["filename"]
        guard let raw else { return nil }
        return FileNames.sanitized(EncodedWords.decode(raw))
    }

    /// The `Content-ID` without angle brackets, if any.
    public var contentID: String? {
        headers.raw(named: "Content-ID").flatMap { MessageIDs.parse($0).first }
    }

    /// Whether this leaf is an attachment rather than body text: `Content-Disposition:
    /// attachment`, any non-text leaf, or a text type other than plain or HTML that has a file
    /// name. Signatures and encryption control parts (`application/pgp-signature`,
    /// `application/pkcs7-signature`, …) never are.
    public var isAttachment: Bool {
        guard children.isEmpty, !isMultipart, mainType != "message" else { return false }
        if Self.structuralTypes.contains(contentType) { return false }
        if disposition == "attachment" { return true }
        if mainType == "text" {
            if contentType == "text/plain" || contentType == "text/html" { return false }
            return filename != nil
        }
        return true
    }

    /// Leaf types that carry protocol data rather than user files.
    static let structuralTypes: Set<String> = [
        "application/pgp-signature", "application/pkcs7-signature",
        "application/x-pkcs7-signature", "application/pgp-encrypted",
    ]

    /// Every leaf below (or this part itself when it is a leaf), in document order.
    public var leaves: [MailPart] {
        var result: [MailPart] = []
        var stack: [MailPart] = [self]
        while let part = stack.popLast() {
            if part.children.isEmpty {
                result.append(part)
            } else {
                stack.append(contentsOf: part.children.reversed())
            }
        }
        return result
    }
}

/// File name clean-up for attachments.
enum FileNames {
    /// The last path component, without control characters and outer white space; nil when
    /// nothing is left.
    static func sanitized(_ name: String) -> String? {
        var cleaned = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if scalar == "/" || scalar == "\\" {
                cleaned.removeAll()
            } else if scalar.value >= 0x20 && scalar.value != 0x7F {
                cleaned.append(scalar)
            }
        }
        let result = String(cleaned).trimmingBlanks()
        return result.isEmpty || result == "." || result == ".." ? nil : result
    }
}
