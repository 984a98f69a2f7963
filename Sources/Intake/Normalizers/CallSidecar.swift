import Messages

/// A call's sidecar `NAME.meta.json`: `caller`, `startedAt`, `durationSeconds`,
/// `asrConfidence`, and optionally `language`.
struct CallSidecar {
    var caller: String?
    var startedAt: String?
    var durationSeconds: Double?
    var asrConfidence: Double?
    var language: String?
    /// Any other keys, kept for `channelData.fields`.
    var extra: [String: JSONValue] = [:]

    /// Parses sidecar bytes; errors are wrapped in ``NormalizeError/sidecar(_:)``.
    init(_ bytes: [UInt8]) throws(NormalizeError) {
        do {
            try self.init(parsing: bytes)
        } catch {
            throw .sidecar(error)
        }
    }

    private init(parsing bytes: [UInt8]) throws(NormalizeError) {
        guard let object = try IntakeJSON.parse(bytes).object else {
            throw .invalidInput("must be a JSON object")
        }
        for (key, value) in object.members where value != .null {
            switch key {
            case "caller":
                guard let text = value.scalarText else { throw .invalidField(field: key, reason: "must be a string") }
                caller = text.trimmingSpaces.isEmpty ? nil : text.trimmingSpaces
            case "startedAt":
                guard let text = value.string else { throw .invalidField(field: key, reason: "must be a string") }
                startedAt = text.trimmingSpaces
            case "durationSeconds":
                guard let number = value.doubleValue, number.isFinite, number >= 0 else {
                    throw .invalidField(field: key, reason: "must be a number of seconds")
                }
                durationSeconds = number
            case "asrConfidence":
                guard let number = value.doubleValue, number >= 0, number <= 1 else {
                    throw .invalidField(field: key, reason: "must be a number from 0 to 1")
                }
                asrConfidence = number
            case "language":
                guard let text = value.string else { throw .invalidField(field: key, reason: "must be a string") }
                language = text.trimmingSpaces
            default:
                extra[key] = value.jsonValue
            }
        }
    }
}
