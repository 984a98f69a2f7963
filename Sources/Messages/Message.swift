/// The canonical form of one citizen message, whatever channel it came in by.
///
/// Its JSON form (``MessageJSON``) is the contract that team tools read from their queue
/// directories and endpoints receive; see `docs/message-json.md`.
public struct Message: Sendable, Hashable, Codable {
    /// The schema name written into every message's JSON.
    public static let schema = "wegwijzer.message/1"

    /// Stable identifier: the same input always yields the same ID.
    public var id: String
    /// Always ``Message/schema``.
    public var schema: String
    /// When the router took the message in, as an RFC 3339 UTC timestamp.
    public var receivedAt: String
    /// The channel the message came in by.
    public var channel: Channel
    /// Which source took it in, and that source's own reference for it.
    public var source: SourceReference
    /// Who sent it, as far as the channel tells.
    public var sender: Sender
    /// The subject line, or an empty string.
    public var subject: String
    /// The decoded plain text, UTF-8.
    public var text: String
    /// The address the message is about.
    public var location: Location
    /// Files that came with the message.
    public var attachments: [Attachment]
    /// Channel-specific facts (e-mail headers, call duration, form fields).
    public var channelData: [String: JSONValue]
    /// The routing decision, filled in once the message is routed.
    public var routing: RoutingSummary?

    /// Creates a message; `schema` is always ``Message/schema``.
    public init(
        id: String = "", receivedAt: String = "", channel: Channel, source: SourceReference,
        sender: Sender = Sender(), subject: String = "", text: String,
        location: Location = Location(), attachments: [Attachment] = [],
        channelData: [String: JSONValue] = [:], routing: RoutingSummary? = nil
    ) {
        self.id = id
        self.schema = Message.schema
        self.receivedAt = receivedAt
        self.channel = channel
        self.source = source
        self.sender = sender
        self.subject = subject
        self.text = text
        self.location = location
        self.attachments = attachments
        self.channelData = channelData
        self.routing = routing
    }
}

/// The channels a message can arrive by.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    case email, form, webhook, call
}

/// The source that took a message in (`[source NAME]`) and its reference for it.
public struct SourceReference: Sendable, Hashable, Codable {
    /// The source's name from `routing.conf`.
    public var name: String
    /// The Message-ID, file name or webhook-id.
    public var ref: String
    /// Creates a source reference.
    public init(name: String, ref: String) {
        self.name = name
        self.ref = ref
    }
}

/// The sender of a message; every field is optional.
public struct Sender: Sendable, Hashable, Codable {
    /// Display name.
    public var name: String?
    /// E-mail address.
    public var email: String?
    /// Phone number.
    public var phone: String?
    /// Creates a sender.
    public init(name: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }
}

/// The address a message is about.
public struct Location: Sendable, Hashable, Codable {
    /// Dutch postcode, normalized as `2221AB`.
    public var postcode: String?
    /// House number with any suffix, as `12` or `12A`.
    public var houseNumber: String?
    /// Street name.
    public var street: String?
    /// Place name.
    public var place: String?
    /// Area from `[area NAME]`, by map point, postcode range, street or place name.
    public var area: String?
    /// How ``area`` was found: `point`, `postcode`, `street` or `place`.
    public var areaBy: String?
    /// The map point (WGS84) a form or webhook gave, when it gave one.
    public var coordinates: Coordinates?
    /// Creates a location.
    public init(
        postcode: String? = nil, houseNumber: String? = nil, street: String? = nil,
        place: String? = nil, area: String? = nil, areaBy: String? = nil, coordinates: Coordinates? = nil
    ) {
        self.postcode = postcode
        self.houseNumber = houseNumber
        self.street = street
        self.place = place
        self.area = area
        self.areaBy = areaBy
        self.coordinates = coordinates
    }
}

/// A file that came with a message.
public struct Attachment: Sendable, Hashable, Codable {
    /// Safe file name.
    public var filename: String
    /// MIME type, as `application/pdf`.
    public var contentType: String
    /// Size in bytes.
    public var size: Int
    /// SHA-256 of the content, lower-case hex.
    public var sha256: String
    /// Path relative to the queue directory, as `attachments/ID/NAME`.
    public var path: String
    /// Creates an attachment record.
    public init(filename: String, contentType: String, size: Int, sha256: String, path: String) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.path = path
    }
}
