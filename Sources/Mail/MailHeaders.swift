/// The header section of a message or MIME part: every field, in order, duplicates kept.
///
/// Names are matched without case. Single-value lookups return the first field of a name.
public struct MailHeaders: Sendable, Hashable {
    /// All fields in the order they appeared.
    public var fields: [HeaderField]

    /// Creates headers from fields.
    public init(fields: [HeaderField] = []) {
        self.fields = fields
    }

    /// The decoded value of the first field called `name`, or nil.
    public subscript(name: String) -> String? {
        fields.first { $0.isNamed(name) }?.decodedValue
    }

    /// The decoded values of every field called `name`, in order.
    public func all(named name: String) -> [String] {
        fields.filter { $0.isNamed(name) }.map(\.decodedValue)
    }

    /// The raw (unfolded, undecoded) value of the first field called `name`, or nil.
    public func raw(named name: String) -> String? {
        fields.first { $0.isNamed(name) }?.rawValue
    }

    /// The raw values of every field called `name`, in order.
    public func allRaw(named name: String) -> [String] {
        fields.filter { $0.isNamed(name) }.map(\.rawValue)
    }

    /// Whether a field called `name` is present.
    public func contains(_ name: String) -> Bool {
        fields.contains { $0.isNamed(name) }
    }
}
