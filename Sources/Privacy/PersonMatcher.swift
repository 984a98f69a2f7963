import Foundation
import Text

/// Tells whether stored bytes concern the person of a ``PersonQuery``, and which fields do (pure).
///
/// A quick test on the raw bytes comes first (``mayMatch(_:)``), so that a million stored
/// messages cost one pass each: an e-mail address or a name is searched without regard to ASCII
/// case, a telephone number is looked for by the entity scanner. Only bytes that pass are
/// parsed: a JSON object yields the paths of its string values that match (`sender.email`,
/// `text`, `attachments.0.filename`), anything else the field `content`. An e-mail address or a
/// telephone number matches only whole (`an@example.nl` is not in `jan@example.nl`).
public struct PersonMatcher: Sendable {
    /// The query matched.
    public let query: PersonQuery
    /// Lower-case bytes to search the raw bytes for; empty when the scanner decides.
    private let needle: [UInt8]

    /// A matcher for `query`.
    public init(_ query: PersonQuery) {
        self.query = query
        switch query.kind {
        case .email, .id:
            needle = Array(query.value.utf8).map(PersonMatcher.lowered)
        case .name:
            // The longest plain ASCII word of the folded name: stored text holds it as written.
            let words = query.value.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                .filter { $0.utf8.allSatisfy { $0 < 0x80 } }
            needle = Array((words.max { $0.utf8.count < $1.utf8.count } ?? "").utf8)
        case .phone:
            needle = []
        }
    }

    /// Whether `bytes` may concern the person: when not, ``fields(in:)`` finds nothing.
    public func mayMatch(_ bytes: [UInt8]) -> Bool {
        switch query.kind {
        case .email, .name, .id:
            return PersonMatcher.containsIgnoringASCIICase(bytes, needle)
        case .phone:
            return bytes.withUnsafeBufferPointer { buffer in
                EntityScanner.mayFind(utf8: buffer)
                    && EntityScanner.scan(utf8: buffer).phones.contains { $0.number == query.value }
            }
        }
    }

    /// Whether one text value concerns the person.
    public func matches(_ text: String) -> Bool {
        switch query.kind {
        case .email: EntityScanner.scan(text).emails.contains { $0.address.lowercased() == query.value }
        case .phone: EntityScanner.scan(text).phones.contains { $0.number == query.value }
        case .name: TextFolding.fold(text).contains(query.value)
        case .id: text.contains(query.value)
        }
    }

    /// The fields of `bytes` that concern the person: JSON paths of matching strings, or
    /// `content`; empty when nothing does.
    public func fields(in bytes: [UInt8]) -> [String] {
        guard mayMatch(bytes) else { return [] }
        var found: [String] = []
        if bytes.first == UInt8(ascii: "{"),
           let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) {
            collect(object, path: "", into: &found)
        }
        if found.isEmpty, matches(String(decoding: bytes, as: UTF8.self)) { found = ["content"] }
        return found
    }

    private func collect(_ value: Any, path: String, into found: inout [String]) {
        switch value {
        case let text as String:
            if matches(text) { found.append(path.isEmpty ? "content" : path) }
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                collect(object[key]!, path: path.isEmpty ? key : path + "." + key, into: &found)
            }
        case let array as [Any]:
            for (index, element) in array.enumerated() { collect(element, path: path + "." + String(index), into: &found) }
        default:
            return
        }
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Whether `haystack` holds `needle` (lower case) without regard to ASCII case; an empty
    /// needle is found everywhere.
    static func containsIgnoringASCIICase(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        let upper = first >= 0x61 && first <= 0x7A ? first & ~0x20 : first
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pattern in
                let last = hay.count - pattern.count
                var index = 0
                while index <= last {
                    let byte = hay[index]
                    if byte == first || byte == upper {
                        var offset = 1
                        while offset < pattern.count, lowered(hay[index + offset]) == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
