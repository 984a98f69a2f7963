/// A `[team NAME]` section: where the team's messages go and which signals point at it.
public struct TeamConfig: Sendable, Hashable {
    /// The team name, as written in the header.
    public var name: String
    /// The queue directory, as written (default: the lower-cased name); relative to the queues directory.
    public var queue: String
    /// URL every message for the team is also POSTed to.
    public var endpoint: String?
    /// The secret, header and TLS files that go with ``endpoint``.
    public var endpointFiles = EndpointFiles()
    /// Free text from the file.
    public var description: String?
    /// `public-name`: the name a citizen reads in a receipt (default: ``name``).
    public var publicName: String?
    /// `response-days`: working days in which the team answers, told in a receipt.
    public var responseDays: Int?
    /// `takes`: the teams whose messages this area team takes over within ``area``.
    public var takes: [String] = []
    /// `area`: the area within which the team takes over, by name as written.
    public var area: String?
    /// The team's signals, in file order.
    public var signals: [Signal]
    /// Where the section header is.
    public var location: SourceLocation

    /// Creates a team; the queue defaults to the lower-cased name.
    public init(name: String, queue: String? = nil, endpoint: String? = nil, description: String? = nil,
                signals: [Signal] = [], location: SourceLocation) {
        self.name = name
        self.queue = queue ?? name.lowercased()
        self.endpoint = endpoint
        self.description = description
        self.signals = signals
        self.location = location
    }
}
