/// A file that came inside an input (base64 or a `data:` URL), decoded.
///
/// The pipeline stores it under the queue's `attachments/ID/` and then records it as a
/// ``Messages/Attachment`` (with size and SHA-256) in the message.
public struct DecodedAttachment: Sendable, Hashable {
    /// A safe file name: no directory part, no control characters, never empty or hidden.
    public var filename: String
    /// MIME type, as `image/jpeg`; `application/octet-stream` when unknown.
    public var contentType: String
    /// The decoded content.
    public var data: [UInt8]

    /// Creates an attachment; `filename` is made safe.
    public init(filename: String, contentType: String, data: [UInt8]) {
        self.filename = Self.safeFilename(filename)
        self.contentType = contentType
        self.data = data
    }

    /// `name` reduced to a safe file name: its last path component, without control
    /// characters or leading dots, at most 200 characters; `attachment` when nothing is left.
    public static func safeFilename(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(String.UnicodeScalarView(last.unicodeScalars.filter {
            $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value)
        })).trimmingSpaces
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        if cleaned.count > 200 { cleaned = String(cleaned.suffix(200)) }
        return cleaned.isEmpty ? "attachment" : cleaned
    }
}
