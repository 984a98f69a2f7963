/// Files inside form values: the flat form's `{filename, contentType, content}`, Open
/// Formulieren's `{file_name, content}` and the form builder's
/// `{name, originalName, type, url: "data:…;base64,…"}`.
enum FileValue {
    private static let nameKeys = ["originalName", "file_name", "filename", "fileName", "name"]
    private static let typeKeys = ["contentType", "content_type", "mimeType", "mimetype", "type"]

    /// True when `object` looks like one uploaded file.
    static func isFile(_ object: IntakeJSON.Object) -> Bool {
        let hasPayload = object["content"] != nil || object["url"] != nil || object["data"] != nil
        let hasFileName = ["originalName", "file_name", "filename", "fileName"].contains { object[$0]?.string != nil }
        if hasFileName && hasPayload { return true }
        guard object["name"]?.string != nil else { return false }
        let hasDataURL = [object["url"], object["data"]].contains { $0?.string?.hasPrefix("data:") == true }
        return hasDataURL || object["storage"] != nil || (object["type"] != nil && object["url"] != nil)
    }

    /// True when `node` is one file or a non-empty list of files.
    static func isFileValue(_ node: IntakeJSON.Node) -> Bool {
        switch node {
        case .object(let object): return isFile(object)
        case .array(let items):
            return !items.isEmpty && items.allSatisfy { $0.object.map(isFile) ?? false }
        default: return false
        }
    }

    /// Decodes one file object found at `field`; nil when it carries no content (only a
    /// link). With `requireContent` a missing `content` is an error.
    static func decode(
        _ object: IntakeJSON.Object, field: String, requireContent: Bool
    ) throws(NormalizeError) -> DecodedAttachment? {
        let name = nameKeys.lazy.compactMap { object[$0]?.scalarText }.first { !$0.trimmingSpaces.isEmpty } ?? ""
        let declaredType = typeKeys.lazy.compactMap { object[$0]?.string?.trimmingSpaces }.first { $0.contains("/") }
        var bytes: [UInt8]?
        var urlType = ""
        if let content = object["content"] {
            guard let text = content.string else {
                throw .invalidField(field: field + ".content", reason: "must be a base64 string")
            }
            if let url = try DataURL.parse(text, field: field + ".content") {
                bytes = url.bytes
                urlType = url.mediaType
            } else {
                guard let decoded = StrictBase64.decode(text) else { throw .invalidBase64(field: field + ".content") }
                bytes = decoded
            }
        } else if requireContent {
            throw .invalidField(field: field + ".content", reason: "is missing")
        } else {
            for key in ["url", "data"] {
                guard let text = object[key]?.string,
                      let url = try DataURL.parse(text, field: field + "." + key) else { continue }
                bytes = url.bytes
                urlType = url.mediaType
                break
            }
        }
        guard let bytes else { return nil }
        let filename = DecodedAttachment.safeFilename(name)
        let type = declaredType ?? (urlType.isEmpty ? contentType(forFilename: filename) : urlType)
        return DecodedAttachment(filename: filename, contentType: type.lowercased(), data: bytes)
    }

    /// The file's record without its content, for `channelData` when it is kept as a link.
    static func record(_ object: IntakeJSON.Object) -> IntakeJSON.Node {
        .object(IntakeJSON.Object(object.members.filter { $0.key != "content" }))
    }

    /// A MIME type guessed from the file name's extension.
    static func contentType(forFilename name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        let ext = name[name.index(after: dot)...].lowercased()
        return mimeTypes[ext] ?? "application/octet-stream"
    }

    private static let mimeTypes: [String: String] = [
        "pdf": "application/pdf", "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png",
        "gif": "image/gif", "webp": "image/webp", "heic": "image/heic", "heif": "image/heif",
        "tif": "image/tiff", "tiff": "image/tiff", "bmp": "image/bmp", "svg": "image/svg+xml",
        "txt": "text/plain", "csv": "text/csv", "html": "text/html", "htm": "text/html",
        "json": "application/json", "xml": "application/xml", "zip": "application/zip",
        "doc": "application/msword", "xls": "application/vnd.ms-excel",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "eml": "message/rfc822", "msg": "application/vnd.ms-outlook", "mp3": "audio/mpeg",
        "wav": "audio/wav", "m4a": "audio/mp4", "mp4": "video/mp4", "mov": "video/quicktime",
    ]
}
