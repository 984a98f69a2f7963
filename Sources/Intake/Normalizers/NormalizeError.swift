/// Why an input could not be turned into a message.
///
/// Every case prints as one line that names the bad field, byte or line, suitable for a
/// `rejected/NAME.reason` file or a webhook's `400` body.
public enum NormalizeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not valid JSON; `offset` is the 0-based byte where parsing failed.
    case invalidJSON(offset: Int, reason: String)
    /// Arrays and objects are nested deeper than `limit` levels.
    case nestingTooDeep(offset: Int, limit: Int)
    /// An object holds the same key twice.
    case duplicateKey(String, offset: Int)
    /// A field that must hold base64 does not.
    case invalidBase64(field: String)
    /// A field is missing or has the wrong type or value.
    case invalidField(field: String, reason: String)
    /// The input is not of the expected shape at all.
    case invalidInput(String)
    /// A transcript line could not be read; `line` is 1-based.
    case invalidTranscript(line: Int, reason: String)
    /// Nothing is left to route: no text, no subject and no attachments.
    case emptyText
    /// The call's sidecar `NAME.meta.json` is invalid.
    indirect case sidecar(NormalizeError)

    /// The reason in one line.
    public var description: String {
        switch self {
        case .invalidJSON(let offset, let reason):
            return "invalid JSON at byte \(offset): \(reason)"
        case .nestingTooDeep(let offset, let limit):
            return "JSON nested deeper than \(limit) levels at byte \(offset)"
        case .duplicateKey(let key, let offset):
            return "duplicate key '\(Self.quoted(key))' at byte \(offset)"
        case .invalidBase64(let field):
            return "field '\(Self.quoted(field))' is not valid base64"
        case .invalidField(let field, let reason):
            return "field '\(Self.quoted(field))' \(reason)"
        case .invalidInput(let reason):
            return reason
        case .invalidTranscript(let line, let reason):
            return "line \(line): \(reason)"
        case .emptyText:
            return "empty text"
        case .sidecar(let inner):
            return "sidecar: \(inner.description)"
        }
    }

    /// Keeps a hostile key or field name printable on one short line.
    private static func quoted(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars.prefix(80) {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "?"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return name.unicodeScalars.count > 80 ? result + "…" : result
    }
}
