/// JSON string literals, for code that writes JSON by hand (logs, command output).
public enum JSONString {
    /// `value` as a quoted, escaped JSON string.
    public static func quote(_ value: String) -> String {
        var writer = JSONWriter(capacity: value.utf8.count + 2)
        writer.string(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
