/// What kind of value a configuration key takes; decides how the value is checked.
public enum ConfigValueKind: Sendable, Hashable {
    /// A directory or file path; relative paths resolve as documented per key.
    case path
    /// Free text.
    case text
    /// The name of a `[team NAME]` section.
    case teamName
    /// A whole number within the range.
    case integer(ClosedRange<Int>)
    /// A size in bytes (`64K`, `25M`, `1MiB`, `4096`) within the range.
    case size(ClosedRange<Int>)
    /// A decimal number within the range.
    case number(ClosedRange<Double>)
    /// A duration (`500ms`, `30s`, `5m`, `48h`, `2d`; a bare number is seconds) within the
    /// range, in seconds.
    case duration(ClosedRange<Double>)
    /// An `http://` or `https://` URL.
    case url
    /// Signal words; `weighted: false` forbids `:WEIGHT`.
    case signals(weighted: Bool)
    /// A comma list of postcodes `NNNN` and ranges `NNNN-NNNN`.
    case postcodeRanges
    /// A comma list of names.
    case names
    /// A comma list of `HOST:PORT` addresses, with IPv6 hosts in brackets.
    case hostPort
    /// One of a fixed set of words; `noun` names the value in messages.
    case choice([String], noun: String)
}

/// Whether a key may be given once or repeated to add to a list.
public enum ConfigMultiplicity: Sendable, Hashable {
    /// At most once per section; a repetition is an error.
    case single
    /// Repeatable; every occurrence adds to the list.
    case list
}

/// When a key must be present.
public enum ConfigRequirement: Sendable, Hashable {
    /// Never required.
    case optional
    /// Always required.
    case always
    /// Required in sources of these types.
    case forSourceTypes([SourceType])
}

/// One key of a section: its name, how often it may appear, its value kind and its documentation.
public struct ConfigKeySchema: Sendable, Hashable {
    /// The key as written in the file.
    public let name: String
    /// Single value or list.
    public let multiplicity: ConfigMultiplicity
    /// The kind of value.
    public let kind: ConfigValueKind
    /// When the key must be given.
    public let requirement: ConfigRequirement
    /// The default, as written in the documentation, when the key is absent.
    public let defaultValue: String?
    /// For `[source]` keys: the source types the key applies to; `nil` for all.
    public let sourceTypes: [SourceType]?
    /// One line saying what the key does.
    public let doc: String

    /// Creates a key description.
    public init(_ name: String, _ multiplicity: ConfigMultiplicity, _ kind: ConfigValueKind,
                requirement: ConfigRequirement = .optional, default defaultValue: String? = nil,
                sourceTypes: [SourceType]? = nil, doc: String) {
        self.name = name
        self.multiplicity = multiplicity
        self.kind = kind
        self.requirement = requirement
        self.defaultValue = defaultValue
        self.sourceTypes = sourceTypes
        self.doc = doc
    }

    /// Whether the key applies to a source of `type`.
    public func applies(to type: SourceType) -> Bool {
        sourceTypes?.contains(type) ?? true
    }
}

/// One section kind: its name, whether it takes a name, and its keys.
public struct ConfigSectionSchema: Sendable, Hashable {
    /// The kind as written in the header (`team` in `[team Milieu]`).
    public let kind: String
    /// Whether the header must carry a name (`[team NAME]`) or must not (`[router]`).
    public let takesName: Bool
    /// Whether the section may appear more than once (with different names).
    public let repeatable: Bool
    /// A name to show in examples (`Stadsbeheer` for `[team NAME]`).
    public let exampleName: String?
    /// The keys, in documentation order.
    public let keys: [ConfigKeySchema]
    /// One line saying what the section is for.
    public let doc: String

    /// Creates a section description.
    public init(kind: String, exampleName: String? = nil, repeatable: Bool, keys: [ConfigKeySchema], doc: String) {
        self.kind = kind
        self.takesName = exampleName != nil
        self.exampleName = exampleName
        self.repeatable = repeatable
        self.keys = keys
        self.doc = doc
    }

    /// The key called `name`, if the section has one.
    public func key(named name: String) -> ConfigKeySchema? {
        keys.first { $0.name == name }
    }

    /// `[router]` or `[team NAME]`, for messages.
    public var headerExample: String { takesName ? "[\(kind) NAME]" : "[\(kind)]" }
}

/// The table of all sections and keys of `routing.conf`. Adding a key is adding a row here and
/// reading it where the section is built.
public enum ConfigSchema {
    private static let kiB = 1024
    private static let miB = 1024 * 1024

    /// All section kinds.
    public static let sections: [ConfigSectionSchema] = [router, team, area, source, acknowledge]

    /// The section kind called `kind`, if there is one.
    public static func section(_ kind: String) -> ConfigSectionSchema? {
        sections.first { $0.kind == kind }
    }

    /// `[router]`: directories, thresholds and the fallback team.
    public static let router = ConfigSectionSchema(kind: "router", repeatable: false, keys: [
        .init("state", .single, .path, default: "/var/lib/wegwijzer",
              doc: "Directory for the spool, the dedupe index and dead letters."),
        .init("queues", .single, .path, default: "/var/spool/wegwijzer/queues",
              doc: "Directory holding the team queue directories; relative to state."),
        .init("fallback", .single, .teamName, requirement: .always,
              doc: "Team that gets the messages no signal settles; must name a [team]."),
        .init("min-score", .single, .number(0.001...1_000_000), default: "3",
              doc: "Lowest winning score; a lower best score sends the message to the fallback team."),
        .init("min-margin", .single, .number(0...1_000_000), default: "2",
              doc: "Lowest lead of the best team over the runner-up; a smaller lead means fallback."),
        .init("learned", .single, .path,
              doc: "A learned signal file written by `wegwijzer learn`; relative to this file's folder. "
                + "Its signals add to the teams' own."),
        .init("subject-weight", .single, .integer(1...10), default: "2",
              doc: "How many times a signal found in the subject counts."),
        .init("urgent", .list, .signals(weighted: false),
              doc: "Priority words: any match marks the message urgent."),
        .init("max-text", .single, .size(kiB...(16 * miB)), default: "64K",
              doc: "Only the first N bytes of subject and text are analysed."),
        .init("archive-days", .single, .integer(0...3650), default: "90",
              doc: "Days the archive of routed messages and corrections (STATE/archive/) is kept, "
                + "for `history` and `report`; 0: no archive."),
        .init("outside", .single, .teamName,
              doc: "Team that gets the messages whose location lies in no [area]; needs areas."),
    ] + deliveryKeys + retentionKeys, doc: "Directories, thresholds, the fallback team and endpoint delivery.")

    private static let day = 24 * 3600.0

    /// `[router]` keys of endpoint delivery.
    public static let deliveryKeys: [ConfigKeySchema] = [
        .init("delivery-workers", .single, .integer(1...64), default: "8",
              doc: "Delivery workers, each with its own kept-alive connections; read at start."),
        .init("connect-timeout", .single, .duration(0.001...600), default: "10s",
              doc: "Longest time to connect to an endpoint, TLS included."),
        .init("timeout", .single, .duration(0.001...3600), default: "30s",
              doc: "Longest time for one request to an endpoint."),
        .init("retry-base", .single, .duration(0.001...3600), default: "1s",
              doc: "The first retry comes within this delay, each later one within twice the last (full jitter)."),
        .init("retry-cap", .single, .duration(0.001...(7 * day)), default: "30m",
              doc: "The longest delay between two attempts, unless the endpoint asks for more with Retry-After."),
        .init("max-attempts", .single, .integer(1...100_000), default: "250",
              doc: "Attempts before a message becomes a dead letter."),
        .init("max-age", .single, .duration(1...(365 * day)), default: "48h",
              doc: "A message not delivered within this time becomes a dead letter."),
        .init("max-in-flight", .single, .integer(1...1024), default: "4",
              doc: "Requests in flight to one endpoint at most."),
        .init("keep-alive", .single, .choice(["yes", "no"], noun: "value for 'keep-alive'"), default: "yes",
              doc: "yes: connections to endpoints are kept open and reused; no: a new connection per request."),
    ]

    /// `[router]` keys of retention (docs/privacy.md).
    public static let retentionKeys: [ConfigKeySchema] = [
        .init("retention", .single, .duration(1...(3650 * day)),
              doc: "How long claimed messages, dead letters, noise, rejected input and finished outbox files are kept; "
                + "absent: kept. Unclaimed messages in new/ are never removed, only counted."),
    ] + RetentionSettings.Kind.allCases.map { kind in
        .init(kind.key, .single, .duration(1...(3650 * day)), default: "retention",
              doc: "How long \(retentionNoun(kind)) are kept, instead of retention.")
    }

    private static func retentionNoun(_ kind: RetentionSettings.Kind) -> String {
        switch kind {
        case .claimed: "claimed messages (files in a queue's claim folders) and their attachments"
        case .dead: "dead letters"
        case .noise: "auto-replies and bounces in noise/"
        case .rejected: "rejected inputs of every source"
        case .outbox: "finished and unreadable outbox files"
        }
    }

    /// `[team NAME]`: one team, its queue and its signals.
    public static let team = ConfigSectionSchema(kind: "team", exampleName: "Stadsbeheer", repeatable: true, keys: [
        .init("queue", .single, .path, default: "lower-cased NAME",
              doc: "The team's queue directory; relative to [router] queues."),
        .init("endpoint", .single, .url,
              doc: "http:// or https:// URL every message for the team is also POSTed to."),
    ] + endpointKeys + [        .init("signals", .list, .signals(weighted: true),
              doc: "Weighted signal words and phrases that point at this team."),
        .init("description", .single, .text,
              doc: "Free text for people reading the file."),
        .init("public-name", .single, .text, default: "NAME",
              doc: "The team's name as a citizen reads it in a receipt."),
        .init("response-days", .single, .integer(0...365),
              doc: "Working days in which the team answers, told in a receipt; 0 or absent: not told."),
        .init("takes", .list, .names,
              doc: "Teams whose messages this area team takes over within its area; needs area."),
        .init("area", .single, .text,
              doc: "The [area] within which this team takes over the messages of the teams in takes."),
    ], doc: "One team: its queue, endpoint and signals.")

    /// `[team NAME]` keys that go with `endpoint`; the files are relative to `[router] state`.
    public static let endpointKeys: [ConfigKeySchema] = [
        .init("endpoint-secret", .single, .path,
              doc: "File holding the Standard Webhooks secret (whsec_...) that signs requests to the endpoint."),
        .init("endpoint-header", .single, .path,
              doc: "File of extra request headers, one 'Name: value' per line (an API key, say)."),
        .init("endpoint-ca", .single, .path,
              doc: "CA certificates (PEM) that vouch for the endpoint, instead of the system's."),
        .init("endpoint-cert", .single, .path,
              doc: "Client certificate (PEM) for mutual TLS; needs endpoint-key."),
        .init("endpoint-key", .single, .path,
              doc: "Private key (PEM) of endpoint-cert."),
    ]

    /// `[area NAME]`: postcode ranges and place names of one area.
    public static let area = ConfigSectionSchema(kind: "area", exampleName: "Katwijk", repeatable: true, keys: [
        .init("postcodes", .list, .postcodeRanges,
              doc: "Postcodes NNNN and ranges NNNN-NNNN (1000..9999), comma separated."),
        .init("places", .list, .names,
              doc: "Place names, comma separated; names may contain spaces."),
        .init("streets", .list, .names,
              doc: "Street names, comma separated; a street listed in two areas places a message in neither."),
        .init("streets-file", .list, .path,
              doc: "File of street names, one per line; relative to this file's folder."),
        .init("polygons", .list, .path,
              doc: "GeoJSON file (WGS84) of the area's Polygon or MultiPolygon; relative to this file's folder."),
    ], doc: "An area: map polygons, postcode ranges, street and place names.")

    private static let fileSources: [SourceType] = [.maildir, .formDrop, .callDrop]
    private static let fieldSources: [SourceType] = [.formDrop, .webhook]

    /// `[source NAME]`: one intake channel.
    public static let source = ConfigSectionSchema(kind: "source", exampleName: "kcc-mail", repeatable: true, keys: [
        .init("type", .single, .choice(SourceType.allCases.map(\.rawValue), noun: "source type"),
              requirement: .always, doc: "maildir, form-drop, call-drop or webhook."),
        .init("path", .single, .path, requirement: .forSourceTypes(fileSources), sourceTypes: fileSources,
              doc: "The Maildir or drop directory; relative to [router] state."),
        .init("listen", .list, .hostPort, requirement: .forSourceTypes([.webhook]), sourceTypes: [.webhook],
              doc: "HOST:PORT addresses to listen on, comma separated; IPv6 in brackets: [::1]:8025."),
        .init("secret", .single, .path, sourceTypes: [.webhook],
              doc: "File of Standard Webhooks secrets (whsec_...), one per line."),
        .init("token", .single, .path, sourceTypes: [.webhook],
              doc: "File of accepted bearer tokens, one per line."),
        .init("header-timeout", .single, .number(0.01...3600), default: "10", sourceTypes: [.webhook],
              doc: "Seconds a client may take to send a request's header section; then 408."),
        .init("body-timeout", .single, .number(0.01...3600), default: "60", sourceTypes: [.webhook],
              doc: "Seconds a client may take to send a request's body; then 408."),
        .init("idle-timeout", .single, .number(0.01...3600), default: "75", sourceTypes: [.webhook],
              doc: "Seconds a kept-alive connection may wait for its next request; then it is closed."),
        .init("max-connections", .single, .integer(1...65536), default: "512", sourceTypes: [.webhook],
              doc: "Most connections open at once; one more is answered 503 and closed."),
        .init("max-size", .single, .size(kiB...(1024 * miB)), default: "25M",
              doc: "Largest message accepted, in bytes."),
        .init("min-confidence", .single, .number(0...1), default: "0", sourceTypes: [.callDrop],
              doc: "Transcripts with a lower speech recognition confidence go to the fallback team."),
        .init("after", .single, .choice(["move", "delete"], noun: "value for 'after'"), default: "move",
              sourceTypes: [.maildir],
              doc: "What happens to a delivered mail file: moved to cur/ (seen) or deleted."),
    ] + SourceConfig.fieldKeys.map { key, field in
        .init(key, .list, .names, sourceTypes: fieldSources,
              doc: "Extra field names to take the \(field) from.")
    }, doc: "One intake channel: a Maildir, a drop directory or a webhook listener.")

    /// `[acknowledge]`: e-mail receipts to citizens (docs/acknowledgements.md).
    public static let acknowledge = ConfigSectionSchema(kind: "acknowledge", repeatable: false, keys: [
        .init("smtp", .single, .text, requirement: .always,
              doc: "The SMTP server: smtp://HOST[:PORT] (STARTTLS per starttls) or smtps://HOST[:PORT] (TLS)."),
        .init("starttls", .single, .choice(AcknowledgeSettings.StartTLS.allCases.map(\.rawValue), noun: "value for 'starttls'"),
              default: "required", doc: "For smtp://: required (no mail without STARTTLS), try, or no (plain text)."),
        .init("username", .single, .text,
              doc: "User name for SMTP AUTH; needs password-file."),
        .init("password-file", .single, .path,
              doc: "File holding the SMTP password (first line); relative to [router] state."),
        .init("ca", .single, .path,
              doc: "CA certificates (PEM) that vouch for the SMTP server, instead of the system's; relative to [router] state."),
        .init("from", .single, .text, requirement: .always,
              doc: "Sender of receipts, such as Gemeente Katwijk <noreply@katwijk.nl>; never sent a receipt itself."),
        .init("reply-to", .single, .text,
              doc: "Reply-To address of receipts, such as the address of an e-mail source."),
        .init("channels", .list, .names, default: "email, form, webhook",
              doc: "Channels whose messages get a receipt: email, form, webhook, call."),
        .init("template", .single, .path, default: "the built-in Dutch text",
              doc: "Template file of the receipt text; relative to this file's folder."),
        .init("per-address", .single, .text, default: "3/24h",
              doc: "At most N receipts per address per period (N/PERIOD); receipts over it are withheld and counted."),
    ], doc: "E-mail receipts to citizens through an SMTP server.")
}
