/// The kinds of intake channel a `[source NAME]` can be.
public enum SourceType: String, Sendable, Hashable, CaseIterable {
    /// A Maildir: `new/` is read, delivered mail moved to `cur/` or deleted.
    case maildir
    /// A directory of form JSON files.
    case formDrop = "form-drop"
    /// A directory of call transcripts.
    case callDrop = "call-drop"
    /// An HTTP listener for webhook posts.
    case webhook
}

/// A `[source NAME]` section: one intake channel.
public struct SourceConfig: Sendable, Hashable {
    /// Default of ``maxSize``: 25 MiB.
    public static let defaultMaxSize = 25 * 1024 * 1024

    /// The keys that add field-name aliases, and the canonical form field each one is for.
    public static let fieldKeys: [(key: String, field: String)] = [
        ("subject-field", "subject"), ("text-field", "text"), ("name-field", "name"),
        ("email-field", "email"), ("phone-field", "phone"), ("postcode-field", "postcode"),
        ("house-number-field", "houseNumber"), ("street-field", "street"), ("place-field", "place"),
    ]

    /// The source name, as written in the header.
    public var name: String
    /// The kind of channel.
    public var type: SourceType
    /// The Maildir or drop directory, as written (maildir, form-drop, call-drop).
    public var path: String?
    /// `HOST:PORT` addresses to listen on (webhook).
    public var listen: [String]
    /// File of Standard Webhooks secrets (webhook).
    public var secretFile: String?
    /// File of bearer tokens (webhook).
    public var tokenFile: String?
    /// Largest message accepted, in bytes.
    public var maxSize: Int
    /// Lowest speech recognition confidence trusted (call-drop), 0...1.
    public var minConfidence: Double
    /// Whether delivered mail is deleted instead of moved to `cur/` (maildir).
    public var deleteAfterRead: Bool
    /// Canonical form field (`subject`, `houseNumber`, ...) to extra field names to take it from.
    public var fieldAliases: [String: [String]]
    /// Where the section header is.
    public var location: SourceLocation

    /// Creates a source; unset values have their documented defaults.
    public init(name: String, type: SourceType, path: String? = nil, listen: [String] = [],
                secretFile: String? = nil, tokenFile: String? = nil, maxSize: Int = defaultMaxSize,
                minConfidence: Double = 0, deleteAfterRead: Bool = false,
                fieldAliases: [String: [String]] = [:], location: SourceLocation) {
        self.name = name
        self.type = type
        self.path = path
        self.listen = listen
        self.secretFile = secretFile
        self.tokenFile = tokenFile
        self.maxSize = maxSize
        self.minConfidence = minConfidence
        self.deleteAfterRead = deleteAfterRead
        self.fieldAliases = fieldAliases
        self.location = location
    }
}
