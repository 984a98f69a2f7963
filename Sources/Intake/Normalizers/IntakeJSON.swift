import Messages

/// The JSON the normalizers read: parsed strictly, with object keys kept in input order.
enum IntakeJSON {
    /// One parsed JSON value. Numbers keep their literal text, so `12` stays `12`.
    indirect enum Node: Sendable, Hashable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([Node])
        case object(Object)
    }

    /// A JSON object whose members keep their input order; keys are unique.
    struct Object: Sendable, Hashable {
        /// The members in input order.
        var members: [(key: String, value: Node)]

        init(_ members: [(key: String, value: Node)] = []) {
            self.members = members
        }

        /// The value of `key`, if present.
        subscript(key: String) -> Node? {
            members.first { $0.key == key }?.value
        }

        var isEmpty: Bool { members.isEmpty }

        static func == (lhs: Object, rhs: Object) -> Bool {
            lhs.members.elementsEqual(rhs.members) { $0.key == $1.key && $0.value == $1.value }
        }

        func hash(into hasher: inout Hasher) {
            for member in members {
                hasher.combine(member.key)
                hasher.combine(member.value)
            }
        }
    }
}

extension IntakeJSON.Node {
    /// The object inside, if this is an object.
    var object: IntakeJSON.Object? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The array inside, if this is an array.
    var array: [IntakeJSON.Node]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The string inside, if this is a string.
    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// A string as is, or a number as its literal text; nil for anything else.
    var scalarText: String? {
        switch self {
        case .string(let value): return value
        case .number(let literal): return literal
        default: return nil
        }
    }

    /// The number inside, also from a numeric string such as `"12.5"`.
    var doubleValue: Double? {
        switch self {
        case .number(let literal): return Double(literal)
        case .string(let text): return Double(text.trimmingSpaces)
        default: return nil
        }
    }

    /// True for null, an empty or blank string, an empty array or object.
    var isBlank: Bool {
        switch self {
        case .null: return true
        case .string(let value): return value.trimmingSpaces.isEmpty
        case .array(let value): return value.isEmpty
        case .object(let value): return value.isEmpty
        case .bool, .number: return false
        }
    }

    /// The value as a ``JSONValue`` for `channelData`.
    var jsonValue: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .number(let literal):
            if let value = Double(literal), value.isFinite { return .number(value) }
            return .string(literal)
        case .string(let value): return .string(value)
        case .array(let values): return .array(values.map(\.jsonValue))
        case .object(let object):
            var result: [String: JSONValue] = [:]
            for member in object.members { result[member.key] = member.value.jsonValue }
            return .object(result)
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        // Fast path: ASCII non-space at both ends (an ASCII byte is a whole scalar).
        let solidEnds = utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
        }
        if solidEnds == true { return String(self) }
        let solid = { (scalar: Unicode.Scalar) in scalar.value > 0x20 && scalar.value < 0x7F }
        if solidEnds == nil, let first = unicodeScalars.first, let last = unicodeScalars.last, solid(first), solid(last) {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
