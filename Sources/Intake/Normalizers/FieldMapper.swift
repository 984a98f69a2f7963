/// Sorts form values into message fields, attachments and leftovers.
///
/// Values are matched by key and, with a schema, by title: first the source's aliases,
/// then the key itself, then the title's words, then the key's parts. Nested objects
/// (an `adres` or `addressNL` component) are searched too; a shallower value wins over a
/// deeper one, an earlier over a later. All values matching `text` are kept, in order.
struct FieldMapper {
    /// A value that filled no message field.
    struct Leftover {
        /// Dotted key path, as `adres.huisletter`.
        var path: String
        /// The schema's title, when it has one.
        var title: String?
        /// The value.
        var value: IntakeJSON.Node
        /// True when it may be written into the text ("Titel: waarde").
        var isTextual: Bool
        fileprivate var order: Int
    }

    /// What the values yielded.
    struct Result {
        var fields = FieldValues()
        var texts: [String] = []
        var attachments: [DecodedAttachment] = []
        var leftovers: [Leftover] = []
    }

    private struct Match {
        var field: FormField
        var value: String
        var depth: Int
        var leftover: Leftover
    }

    /// Keys of Open Formulieren's static variables: never a message field, never text.
    private static let systemKeys: Set<String> = [
        "now", "today", "current_year", "environment", "form_name", "form_id", "submission_id",
        "language_code", "registration_timestamp", "public_reference", "form_version", "cosign_data",
    ]
    /// Schema formats whose values are not prose.
    private static let opaqueFormats: Set<String> = ["nl-bsn", "uuid", "uri", "base64", "nl-kvk", "nl-rsin"]
    private static let maxObjectDepth = 4

    let aliases: FieldAliases

    private var matches: [Match] = []
    private var result = Result()
    private var order = 0

    init(aliases: FieldAliases) {
        self.aliases = aliases
    }

    /// Maps `values`; `schema` is the JSON schema's `properties` for them, and
    /// `fieldPrefix` is put before key paths in error messages.
    static func map(
        _ values: IntakeJSON.Object, properties: IntakeJSON.Object?, aliases: FieldAliases, fieldPrefix: String
    ) throws(NormalizeError) -> Result {
        var mapper = FieldMapper(aliases: aliases)
        try mapper.walk(values, properties: properties, path: "", fieldPrefix: fieldPrefix, depth: 0)
        mapper.resolve()
        mapper.result.leftovers.sort { $0.order < $1.order }
        return mapper.result
    }

    private mutating func walk(
        _ object: IntakeJSON.Object, properties: IntakeJSON.Object?, path: String, fieldPrefix: String, depth: Int
    ) throws(NormalizeError) {
        for (key, value) in object.members {
            let keyPath = path.isEmpty ? key : path + "." + key
            let schema = properties?[key]?.object
            let title = schema?["title"]?.string?.trimmingSpaces
            order += 1
            var leftover = Leftover(
                path: keyPath, title: title?.isEmpty == false ? title : nil, value: value, isTextual: true, order: order
            )
            if value.isBlank {
                continue  // an empty answer: nothing to route, nothing to keep
            } else if depth == 0 && (Self.systemKeys.contains(key) || key == "auth" || key.hasPrefix("auth_")) {
                leftover.isTextual = false
                result.leftovers.append(leftover)
            } else if FileValue.isFileValue(value) {
                try takeFiles(value, leftover: leftover, field: fieldPrefix + keyPath)
            } else if let text = value.scalarText, let field = match(key: key, title: title) {
                matches.append(Match(field: field, value: text.trimmingSpaces, depth: depth, leftover: leftover))
            } else if case .object(let child) = value, depth + 1 < Self.maxObjectDepth,
                      child.members.contains(where: { $0.value.scalarText != nil }) {
                let childProperties = schema?["properties"]?.object
                try walk(child, properties: childProperties, path: keyPath, fieldPrefix: fieldPrefix, depth: depth + 1)
            } else {
                if let format = schema?["format"]?.string, Self.opaqueFormats.contains(format) {
                    leftover.isTextual = false
                }
                result.leftovers.append(leftover)
            }
        }
    }

    private mutating func takeFiles(
        _ value: IntakeJSON.Node, leftover: Leftover, field: String
    ) throws(NormalizeError) {
        let items: [(IntakeJSON.Object, String)]
        switch value {
        case .object(let object): items = [(object, field)]
        case .array(let array): items = array.enumerated().compactMap { index, node in
            node.object.map { ($0, "\(field)[\(index)]") }
        }
        default: items = []
        }
        var links: [IntakeJSON.Node] = []
        for (object, itemField) in items {
            if let attachment = try FileValue.decode(object, field: itemField, requireContent: false) {
                result.attachments.append(attachment)
            } else {
                links.append(FileValue.record(object))
            }
        }
        guard !links.isEmpty else { return }
        var kept = leftover
        kept.value = value.array == nil && links.count == 1 ? links[0] : .array(links)
        kept.isTextual = false
        result.leftovers.append(kept)
    }

    /// The field a key or title names, if any.
    private func match(key: String, title: String?) -> FormField? {
        if let field = aliases.field(for: key) ?? title.flatMap(aliases.field(for:)) { return field }
        if let field = FormField.bySynonym[FormField.fold(key)] { return field }
        if let title {
            let words = FormField.titleWords(title)
            // A Dutch phrase names its subject first ("Omschrijving van de melding"), a
            // compound last ("Gemeente/woonplaats").
            if let field = FormField.bySynonym[words.joined()] ?? words.first.flatMap({ FormField.bySynonym[$0] })
                ?? words.last.flatMap({ FormField.byDistinctiveSynonym[$0] }) {
                return field
            }
        }
        let parts = FormField.keyWords(key)
        guard parts.count > 1 else { return nil }
        return [parts.last, parts.first].compactMap { $0 }.lazy.compactMap { FormField.byDistinctiveSynonym[$0] }.first
    }

    /// Picks a winner per field; the rest become leftovers.
    private mutating func resolve() {
        // Winners and losers as indices into `matches`, so no match is copied.
        var winners = [Int?](repeating: nil, count: FormField.count)
        var losers: [Int] = []
        // Shallower first, then in order (walk never goes as deep as maxObjectDepth).
        assert(matches.allSatisfy { $0.depth < Self.maxObjectDepth }, "a match deeper than maxObjectDepth")
        for depth in 0..<Self.maxObjectDepth {
            for index in matches.indices where matches[index].depth == depth && matches[index].field != .text {
                let slot = matches[index].field.slot
                if winners[slot] == nil { winners[slot] = index } else { losers.append(index) }
            }
        }
        for match in matches where match.field == .text { result.texts.append(match.value) }
        // Parts of a name or house number count only when they are used.
        if winners[FormField.name.slot] != nil {
            Self.drop([.firstName, .namePrefix, .lastName], from: &winners, into: &losers)
        } else {
            let parts = [FormField.firstName, .namePrefix, .lastName].compactMap { winners[$0.slot].map { matches[$0].value } }
            if !parts.isEmpty { result.fields[.name] = parts.joined(separator: " ") }
        }
        if winners[FormField.houseNumber.slot] == nil {
            Self.drop([.houseLetter, .houseNumberAddition], from: &winners, into: &losers)
        }
        for case let index? in winners where result.fields[matches[index].field] == nil {
            result.fields[matches[index].field] = matches[index].value
        }
        result.leftovers += losers.map { matches[$0].leftover }
    }

    /// Moves the winners of `parts` to the losers.
    private static func drop(_ parts: [FormField], from winners: inout [Int?], into losers: inout [Int]) {
        for part in parts {
            if let unused = winners[part.slot] {
                winners[part.slot] = nil
                losers.append(unused)
            }
        }
    }
}

/// A value per message field, kept in one slot per field rather than hashed.
struct FieldValues {
    private var slots = [String?](repeating: nil, count: FormField.count)

    /// The value of `field`, if any.
    subscript(field: FormField) -> String? {
        get { slots[field.slot] }
        set { slots[field.slot] = newValue }
    }
}
