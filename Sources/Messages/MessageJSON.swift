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
        var writer = JSONWriter(capacity: 512 + message.text.utf8.count + message.subject.utf8.count)
        writer.object { json in
            json.key("attachments")
            json.array { list in
                for attachment in message.attachments { write(attachment, into: &list) }
            }
            json.member("channel", message.channel.rawValue)
            json.key("channelData")
            write(.object(message.channelData), into: &json)
            json.member("id", message.id)
            // Members written one by one, not through `member(_:object:)`, which builds a list first.
            let location = message.location
            json.key("location")
            json.object { object in
                object.member("area", location.area)
                object.member("houseNumber", location.houseNumber)
                object.member("place", location.place)
                object.member("postcode", location.postcode)
                object.member("street", location.street)
            }
            json.member("receivedAt", message.receivedAt)
            if let routing = message.routing {
                json.key("routing")
                write(routing, into: &json)
            }
            json.member("schema", message.schema)
            json.key("sender")
            json.object { object in
                object.member("email", message.sender.email)
                object.member("name", message.sender.name)
                object.member("phone", message.sender.phone)
            }
            json.key("source")
            json.object { object in
                object.member("name", message.source.name)
                object.member("ref", message.source.ref)
            }
            json.member("subject", message.subject)
            json.member("text", message.text)
        }
        return writer.bytes
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
            json.array { list in
                for element in elements { write(element, into: &list) }
            }
        case .object(let members):
            json.object { object in
                for key in members.keys.sorted() {
                    object.key(key)
                    write(members[key] ?? .null, into: &object)
                }
            }
        }
    }

    private static func write(_ attachment: Attachment, into json: inout JSONWriter) {
        json.object { object in
            object.member("contentType", attachment.contentType)
            object.member("filename", attachment.filename)
            object.member("path", attachment.path)
            object.member("sha256", attachment.sha256)
            object.key("size")
            object.integer(attachment.size)
        }
    }

    private static func write(_ routing: RoutingSummary, into json: inout JSONWriter) {
        json.object { object in
            object.key("confidence")
            object.number(routing.confidence)
            object.member("configHash", routing.configHash)
            object.key("fallback")
            object.bool(routing.fallback)
            object.member("priority", routing.priority)
            object.member("reason", routing.reason)
            object.key("score")
            object.integer(routing.score)
            object.key("signals")
            object.array { list in
                for signal in routing.signals {
                    list.object { item in
                        item.member("team", signal.team)
                        item.member("term", signal.term)
                        item.key("weight")
                        item.integer(signal.weight)
                    }
                }
            }
            object.member("team", routing.team)
        }
    }
}
