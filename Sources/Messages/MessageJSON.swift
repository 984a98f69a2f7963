import Foundation

/// Encodes and decodes messages in their contract JSON form.
public enum MessageJSON {
    /// The message as one line of JSON with sorted keys.
    public static func encode(_ message: Message) throws -> Data {
        try encoder.encode(message)
    }

    /// Reads a message back from its JSON form.
    public static func decode(_ data: Data) throws -> Message {
        try JSONDecoder().decode(Message.self, from: data)
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
