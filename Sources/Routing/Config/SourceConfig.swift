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
    /// Default of ``headerTimeout``, in seconds.
    public static let defaultHeaderTimeout = 10.0
    /// Default of ``bodyTimeout``, in seconds.
    public static let defaultBodyTimeout = 60.0
    /// Default of ``idleTimeout``, in seconds.
    public static let defaultIdleTimeout = 75.0
    /// Default of ``maxConnections``.
    public static let defaultMaxConnections = 512

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
    /// Seconds a webhook client may take to send a request's header section.
    public var headerTimeout: Double = SourceConfig.defaultHeaderTimeout
    /// Seconds a webhook client may take to send a request's body.
    public var bodyTimeout: Double = SourceConfig.defaultBodyTimeout
    /// Seconds a webhook connection may wait idle for its next request.
    public var idleTimeout: Double = SourceConfig.defaultIdleTimeout
    /// Most webhook connections open at once.
    public var maxConnections: Int = SourceConfig.defaultMaxConnections
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

extension SourceConfig {
    /// Whether the `HOST:PORT` address is a loopback one: `127.x.x.x`, `[::1]` or `localhost`.
    public static func isLoopback(_ address: String) -> Bool {
        var host = Substring(address)
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        let name = host.lowercased()
        if name == "localhost" || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
