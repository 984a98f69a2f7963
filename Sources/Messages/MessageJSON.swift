import Foundation

/// Encodes and decodes messages in their contract JSON form.
public enum MessageJSON {
    /// The message as one line of JSON with sorted keys.
    public static func encode(_ message: Message) -> Data {
        Data(bytes(message))
    }

    /// The message as one line of JSON with sorted keys, as bytes.
    ///
    /// Written by hand rather than with `JSONEncoder`, which cost a fifth of the daemon's time
    /// per webhook post; `MessageJSONTests` holds it to the `Codable` form.
    public static func bytes(_ message: Message) -> [UInt8] {
        var json = JSONWriter(capacity: capacity(for: message))
        json.beginObject()
        json.key(literal: "attachments")
        json.beginArray()
        for attachment in message.attachments { write(attachment, into: &json) }
        json.endArray()
        json.member(literal: "channel", message.channel.rawValue)
        json.key(literal: "channelData")
        write(members: message.channelData, into: &json)
        json.member(literal: "id", message.id)
        let location = message.location
        json.key(literal: "location")
        json.beginObject()
        json.member(literal: "area", location.area)
        json.member(literal: "areaBy", location.areaBy)
        if let point = location.coordinates {
            json.key(literal: "coordinates")
            json.beginObject()
            json.key(literal: "lat")
            json.number(point.lat)
            json.key(literal: "lon")
            json.number(point.lon)
            json.endObject()
        }
        json.member(literal: "houseNumber", location.houseNumber)
        json.member(literal: "place", location.place)
        json.member(literal: "postcode", location.postcode)
        json.member(literal: "street", location.street)
        json.endObject()
        json.member(literal: "receivedAt", message.receivedAt)
        if let routing = message.routing {
            json.key(literal: "routing")
            write(routing, into: &json)
        }
        json.member(literal: "schema", message.schema)
        json.key(literal: "sender")
        json.beginObject()
        json.member(literal: "email", message.sender.email)
        json.member(literal: "name", message.sender.name)
        json.member(literal: "phone", message.sender.phone)
        json.endObject()
        json.key(literal: "source")
        json.beginObject()
        json.member(literal: "name", message.source.name)
        json.member(literal: "ref", message.source.ref)
        json.endObject()
        json.member(literal: "subject", message.subject)
        json.member(literal: "text", message.text)
        json.endObject()
        return json.bytes
    }

    /// Room for the whole message as a rule, so the writer need not grow.
    private static func capacity(for message: Message) -> Int {
        1024 + message.text.utf8.count + message.subject.utf8.count
            + 192 * message.attachments.count + 64 * (message.routing?.signals.count ?? 0)
    }

    /// Reads a message back from its JSON form.
    public static func decode(_ data: Data) throws -> Message {
        try JSONDecoder().decode(Message.self, from: data)
    }

    /// Writes a free-form value, objects with sorted keys.
    public static func write(_ value: JSONValue, into json: inout JSONWriter) {
        switch value {
        case .null: json.null()
        case .bool(let flag): json.bool(flag)
        case .number(let number) where number.rounded() == number && abs(number) < 1e15:
            json.integer(Int(number))  // as JSONValue encodes it: integral values as integers
        case .number(let number): json.number(number)
        case .string(let text): json.string(text)
        case .array(let elements):
            json.beginArray()
            for element in elements { write(element, into: &json) }
            json.endArray()
        case .object(let members): write(members: members, into: &json)
        }
    }

    /// Writes an object's members with sorted keys.
    private static func write(members: [String: JSONValue], into json: inout JSONWriter) {
        json.beginObject()
        if members.count == 1, let only = members.first {
            json.key(only.key)  // the common case; nothing to sort
            write(only.value, into: &json)
        } else {
            for key in members.keys.sorted() {
                json.key(key)
                write(members[key] ?? .null, into: &json)
            }
        }
        json.endObject()
    }

    private static func write(_ attachment: Attachment, into json: inout JSONWriter) {
        json.beginObject()
        json.member(literal: "contentType", attachment.contentType)
        json.member(literal: "filename", attachment.filename)
        json.member(literal: "path", attachment.path)
        json.member(literal: "sha256", attachment.sha256)
        json.key(literal: "size")
        json.integer(attachment.size)
        json.endObject()
    }

    private static func write(_ routing: RoutingSummary, into json: inout JSONWriter) {
        json.beginObject()
        json.key(literal: "confidence")
        json.number(routing.confidence)
        json.member(literal: "configHash", routing.configHash)
        json.key(literal: "fallback")
        json.bool(routing.fallback)
        if let previous = routing.previous {
            json.key(literal: "previous")
            write(previous.summary, into: &json)
        }
        json.member(literal: "priority", routing.priority)
        json.member(literal: "reason", routing.reason)
        json.key(literal: "score")
        json.decimal(routing.score)
        json.key(literal: "signals")
        json.beginArray()
        for signal in routing.signals {
            json.beginObject()
            if signal.learned {
                json.key(literal: "learned")
                json.bool(true)
            }
            json.member(literal: "team", signal.team)
            json.member(literal: "term", signal.term)
            json.key(literal: "weight")
            json.decimal(signal.weight)
            json.endObject()
        }
        json.endArray()
        json.member(literal: "team", routing.team)
        json.endObject()
    }
}
