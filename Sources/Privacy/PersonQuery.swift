import Delivery
import Text

/// Who `wegwijzer find` and `forget` look for: one identifier of a person, checked and put in
/// the form the product stores and compares it in.
///
/// E-mail addresses are compared case-folded, telephone numbers in international form
/// (`+31612345678`, as ``EntityScanner`` normalizes them), names folded (lower case, no
/// diacritics), message IDs exactly.
public struct PersonQuery: Sendable, Hashable {
    /// The kind of identifier.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// An e-mail address.
        case email
        /// A telephone number.
        case phone
        /// A name, or part of one.
        case name
        /// A message ID.
        case id
    }

    /// The kind of identifier.
    public let kind: Kind
    /// The identifier in its compared form.
    public let value: String

    /// Checks `text` as an identifier of `kind`; throws with the reason when it is not one.
    public init(kind: Kind, text: String) throws(PersonQueryError) {
        self.kind = kind
        let trimmed = text.trimmingBlanks()
        switch kind {
        case .email:
            let found = EntityScanner.scan(trimmed).emails
            guard found.count == 1, found[0].range.start == 0, found[0].range.end == trimmed.utf8.count else {
                throw PersonQueryError("'\(text)' is not an e-mail address (local@domain)")
            }
            value = trimmed.lowercased()
        case .phone:
            let found = EntityScanner.scan(trimmed).phones
            guard found.count == 1, found[0].range.start == 0, found[0].range.end == trimmed.utf8.count else {
                throw PersonQueryError("'\(text)' is not a Dutch telephone number (such as 06-12345678 or +31 71 512 3456)")
            }
            value = found[0].number
        case .name:
            let folded = TextFolding.fold(trimmed)
            guard folded.unicodeScalars.filter(TextFolding.isWordScalar).count >= 2 else {
                throw PersonQueryError("'\(text)' is not a name (at least two letters)")
            }
            value = folded
        case .id:
            guard QueueDirectory.isValid(id: trimmed) else {
                throw PersonQueryError("'\(text)' is not a message ID")
            }
            value = trimmed
        }
    }
}

/// A malformed identifier: exit status 2, with the reason.
public struct PersonQueryError: Error, CustomStringConvertible, Sendable {
    /// Why the identifier was refused.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingBlanks() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
