/// Extra names, per source, by which a form field can be known.
///
/// A form's keys and titles are matched against built-in Dutch and English names
/// (`omschrijving`, `e-mailadres`, `huisnummer`, …). A source whose forms use other
/// names adds them here, as canonical field → extra names:
///
/// ```swift
/// FieldAliases(["text": ["Wat wilt u melden?"], "place": ["kern"]])
/// ```
///
/// Matching ignores case, diacritics, spaces and punctuation, and applies to flat form
/// keys as well as Open Formulieren keys and titles. Aliases win over built-in names.
public struct FieldAliases: Sendable, Hashable {
    /// The canonical field names an alias can be given for.
    public static let fieldNames: [String] = FormField.allCases.map(\.rawValue)

    /// No extra names.
    public static let none = FieldAliases([:])

    /// Folded alias → field.
    let table: [String: FormField]

    /// Creates aliases from canonical field name (any case, see ``fieldNames``) to extra
    /// names. Names of unknown fields are ignored; check them against ``fieldNames``.
    public init(_ aliases: [String: [String]]) {
        var table: [String: FormField] = [:]
        for (fieldName, names) in aliases.sorted(by: { $0.key < $1.key }) {
            guard let field = FormField.allCases.first(where: {
                $0.rawValue.lowercased() == fieldName.lowercased()
            }) else { continue }
            for name in names {
                let folded = FormField.fold(name)
                if !folded.isEmpty { table[folded] = field }
            }
        }
        self.table = table
    }

    /// True when no alias is set.
    public var isEmpty: Bool { table.isEmpty }

    /// The field a key or title is an alias of.
    func field(for name: String) -> FormField? {
        table.isEmpty ? nil : table[FormField.fold(name)]
    }
}
