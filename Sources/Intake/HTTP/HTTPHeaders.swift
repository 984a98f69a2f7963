import Messages

/// One header field: its name in lower case and its value without surrounding white space.
public struct HTTPField: Sendable, Hashable {
    /// The field name, lower-cased.
    public var name: String
    /// The field value, trimmed.
    public var value: String

    /// Creates a field; the name is lower-cased.
    public init(_ name: String, _ value: String) {
        self.name = HTTPHeaders.lowercased(name)
        self.value = value
    }

    /// Creates a field whose name is lower case already.
    init(lowercased name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The header fields of a request or response, in the order they came.
public struct HTTPHeaders: Sendable, Hashable, Sequence {
    /// The fields in order.
    public private(set) var fields: [HTTPField]

    /// Creates headers from fields.
    public init(_ fields: [HTTPField] = []) {
        self.fields = fields
    }

    /// The first value of the field `name` (any case), if present.
    public subscript(name: String) -> String? {
        let wanted = Self.lowercased(name)
        return fields.first { $0.name == wanted }?.value
    }

    /// Every value of the field `name` (any case), in order.
    public func values(_ name: String) -> [String] {
        let wanted = Self.lowercased(name)
        return fields.filter { $0.name == wanted }.map(\.value)
    }

    /// `name` in lower case, without a copy when it is lower case already (as callers write it).
    /// The bytes as a string with `A`–`Z` lower-cased: for ASCII what `lowercased()` gives.
    static func asciiLowercased(_ bytes: some Collection<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var offset = 0
            for byte in bytes {
                buffer[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                offset += 1
            }
            return offset
        }
    }

    fileprivate static func lowercased(_ name: String) -> String {
        name.containsUTF8Byte { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 } ? name.lowercased() : name
    }

    /// Appends a field.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(HTTPField(name, value))
    }

    /// Appends a field whose name is lower case already.
    mutating func append(_ field: HTTPField) {
        fields.append(field)
    }

    /// Makes room for `count` more fields.
    mutating func reserve(_ count: Int) {
        fields.reserveCapacity(fields.count + count)
    }

    /// Iterates over the fields.
    public func makeIterator() -> IndexingIterator<[HTTPField]> {
        fields.makeIterator()
    }

    /// The comma-separated members of every `name` field, trimmed, lower-cased, without empty ones.
    public func tokens(_ name: String) -> [String] {
        values(name).flatMap { $0.split(separator: ",") }
            .map { $0.httpTrimmed().lowercased() }
            .filter { !$0.isEmpty }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (HTTP's optional white space).
    func httpTrimmed() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
