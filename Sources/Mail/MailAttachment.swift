/// A file carried by a message.
public struct MailAttachment: Sendable, Hashable {
    /// The file name (sanitized; a generated `part-N.ext` when the message names none).
    public var filename: String
    /// The content type in lower case.
    public var contentType: String
    /// The decoded content.
    public var data: [UInt8]
    /// The `Content-ID` without brackets, for inline images referenced by HTML.
    public var contentID: String?
    /// Whether the part was marked `inline` (an embedded image, say).
    public var isInline: Bool

    /// Creates an attachment.
    public init(filename: String, contentType: String, data: [UInt8], contentID: String? = nil, isInline: Bool = false) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
        self.contentID = contentID
        self.isInline = isInline
    }
}

extension MailAttachment {
    /// A file name extension for common content types (without the dot), or "bin".
    static func defaultExtension(_ contentType: String) -> String {
        switch contentType {
        case "text/plain": return "txt"
        case "text/html": return "html"
        case "text/calendar": return "ics"
        case "text/csv": return "csv"
        case "text/vcard", "text/x-vcard": return "vcf"
        case "image/jpeg", "image/jpg", "image/pjpeg": return "jpg"
        case "image/png": return "png"
        case "image/gif": return "gif"
        case "image/heic": return "heic"
        case "image/webp": return "webp"
        case "image/tiff": return "tif"
        case "image/bmp": return "bmp"
        case "application/pdf": return "pdf"
        case "application/zip": return "zip"
        case "application/msword": return "doc"
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document": return "docx"
        case "application/vnd.ms-excel": return "xls"
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": return "xlsx"
        case "message/rfc822": return "eml"
        case "audio/mpeg": return "mp3"
        case "video/mp4": return "mp4"
        default: return "bin"
        }
    }
}
