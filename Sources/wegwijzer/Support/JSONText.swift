import Messages

/// Builds compact JSON text by hand, for output formats that are written often.
struct JSONText {
    private(set) var text = "{"
    private var first = true

    /// Appends `"key": value` where value is already JSON.
    mutating func raw(_ key: String, _ json: String) {
        if !first { text += "," }
        first = false
        text += JSONText.quote(key) + ":" + json
    }

    mutating func string(_ key: String, _ value: String?) {
        raw(key, value.map(JSONText.quote) ?? "null")
    }

    mutating func int(_ key: String, _ value: Int) { raw(key, String(value)) }

    mutating func double(_ key: String, _ value: Double) { raw(key, String(value)) }

    mutating func bool(_ key: String, _ value: Bool) { raw(key, value ? "true" : "false") }

    /// The finished object.
    var object: String { text + "}" }

    /// A JSON string literal.
    static func quote(_ value: String) -> String { JSONString.quote(value) }
}
