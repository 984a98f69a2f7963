import Messages

/// Turns form JSON into a message: the flat form of the drop directory and webhook, or an
/// Open Formulieren generic JSON registration.
///
/// Flat form: `subject`, `text`, `name`, `email`, `phone`, `postcode`, `houseNumber`,
/// `street`, `place`, `attachments: [{filename, contentType, content}]` and an optional
/// `channel` (`form` by default). Other keys go to `channelData.fields` as they are.
///
/// Open Formulieren: `values`, `values_schema`, `metadata`, `metadata_schema`, at the top
/// level or inside `data`. Values are matched by key and schema title (see
/// ``FieldAliases``); the rest go to `channelData.fields` as `{"value": …, "title": …}`,
/// metadata to `channelData.metadata`, and uploaded files with content become attachments.
///
/// When no value is the text, the text is built from the remaining values as
/// `Titel: waarde` lines, so nothing is lost to routing.
public enum FormNormalizer {
    /// Normalizes form JSON. The message's id, receivedAt and routing are left empty.
    /// - Throws: ``NormalizeError`` naming the bad byte or field.
    public static func normalize(
        _ bytes: [UInt8], source: SourceReference, aliases: FieldAliases = .none
    ) throws(NormalizeError) -> NormalizedInput {
        var root = try IntakeJSON.parse(bytes)
        // The registration plugin may post its JSON encoded once more, as a JSON string.
        if let inner = root.string, inner.trimmingSpaces.hasPrefix("{") {
            root = try IntakeJSON.parse(Array(inner.utf8))
        }
        guard let object = root.object else { throw .invalidInput("form JSON must be an object") }
        if let payload = OpenFormulierenPayload(object) {
            return try normalizeOpenFormulieren(payload, source: source, aliases: aliases)
        }
        return try normalizeFlat(object, source: source, aliases: aliases)
    }

    /// The flat form's fields, which must hold text (or a number, as `houseNumber: 12`).
    private static let contractKeys = ["subject", "text", "name", "email", "phone", "postcode", "houseNumber", "street", "place"]

    private static func normalizeFlat(
        _ object: IntakeJSON.Object, source: SourceReference, aliases: FieldAliases
    ) throws(NormalizeError) -> NormalizedInput {
        var channel = Channel.form
        let channelValue = object["channel"]
        let attachmentsValue = object["attachments"]
        if let value = channelValue, value != .null {
            guard let name = value.string, let parsed = Channel(rawValue: name.trimmingSpaces.lowercased()) else {
                throw .invalidField(field: "channel", reason: "must be one of email, form, webhook, call")
            }
            channel = parsed
        }
        var attachments: [DecodedAttachment] = []
        if let value = attachmentsValue, value != .null {
            guard let items = value.array else {
                throw .invalidField(field: "attachments", reason: "must be an array of {filename, contentType, content}")
            }
            for (index, item) in items.enumerated() {
                guard let file = item.object else {
                    throw .invalidField(field: "attachments[\(index)]", reason: "must be an object")
                }
                if let attachment = try FileValue.decode(file, field: "attachments[\(index)]", requireContent: true) {
                    attachments.append(attachment)
                }
            }
        }
        // Only a member that is no string, number or null can break the contract.
        let allScalar = object.members.allSatisfy {
            switch $0.value {
            case .string, .number, .null: true
            default: false
            }
        }
        if !allScalar {
            for key in contractKeys {
                guard let value = object[key] else { continue }
                switch value {
                case .string, .number, .null: continue
                default: throw .invalidField(field: key, reason: "must be a string")
                }
            }
        }
        let rest = channelValue == nil && attachmentsValue == nil
            ? object : IntakeJSON.Object(object.members.filter { $0.key != "channel" && $0.key != "attachments" })
        var mapped = try FieldMapper.map(rest, properties: nil, aliases: aliases, fieldPrefix: "")
        mapped.attachments = attachments + mapped.attachments
        var fields: [String: JSONValue] = [:]
        for leftover in mapped.leftovers { fields[leftover.path] = leftover.value.jsonValue }
        return try assemble(
            mapped, channel: channel, source: source, format: "form", fields: fields, metadata: nil,
            point: MapPoint.find(in: rest)
        )
    }

    private static func normalizeOpenFormulieren(
        _ payload: OpenFormulierenPayload, source: SourceReference, aliases: FieldAliases
    ) throws(NormalizeError) -> NormalizedInput {
        let mapped = try FieldMapper.map(
            payload.values, properties: payload.properties, aliases: aliases, fieldPrefix: "values."
        )
        var fields: [String: JSONValue] = [:]
        for leftover in mapped.leftovers {
            var entry: [String: JSONValue] = ["value": leftover.value.jsonValue]
            if let title = leftover.title { entry["title"] = .string(title) }
            fields[leftover.path] = .object(entry)
        }
        return try assemble(
            mapped, channel: .form, source: source, format: "open-formulieren", fields: fields,
            metadata: payload.metadata, point: MapPoint.find(in: payload.values)
        )
    }

    private static func assemble(
        _ mapped: FieldMapper.Result, channel: Channel, source: SourceReference, format: String,
        fields: [String: JSONValue], metadata: IntakeJSON.Object?, point: Coordinates?
    ) throws(NormalizeError) -> NormalizedInput {
        let values = mapped.fields
        let subject = clean(values[.subject] ?? "")
        var text = clean(mapped.texts.count == 1 ? mapped.texts[0] : mapped.texts.joined(separator: "\n\n"))
        if text.isEmpty {
            text = clean(mapped.leftovers.compactMap(line).joined(separator: "\n"))
        }
        if text.isEmpty && subject.isEmpty && mapped.attachments.isEmpty { throw .emptyText }
        var channelData: [String: JSONValue] = ["format": .string(format)]
        if !fields.isEmpty { channelData["fields"] = .object(fields) }
        if let metadata, !metadata.isEmpty { channelData["metadata"] = IntakeJSON.Node.object(metadata).jsonValue }
        let message = Message(
            channel: channel,
            source: source,
            sender: Sender(name: values[.name], email: values[.email], phone: values[.phone]),
            subject: subject,
            text: text,
            location: Location(
                postcode: values[.postcode].map(normalizedPostcode),
                houseNumber: houseNumber(values),
                street: values[.street],
                place: values[.place],
                coordinates: point
            ),
            channelData: channelData
        )
        return NormalizedInput(message: message, attachments: mapped.attachments)
    }

    /// `Titel: waarde` for a leftover that reads as text; nil otherwise.
    private static func line(_ leftover: FieldMapper.Leftover) -> String? {
        guard leftover.isTextual, let value = readable(leftover.value) else { return nil }
        return "\(leftover.title ?? leftover.path): \(value)"
    }

    /// A value as words: text, a number, ja/nee, a list, or the chosen boxes of a
    /// `selectboxes` object.
    private static func readable(_ node: IntakeJSON.Node) -> String? {
        switch node {
        case .string(let value):
            let trimmed = value.trimmingSpaces
            return trimmed.isEmpty ? nil : trimmed
        case .number(let literal): return literal
        case .bool(let value): return value ? "ja" : "nee"
        case .array(let items):
            let parts = items.compactMap { item -> String? in
                if case .bool = item { return nil }
                return readable(item)
            }
            return parts.count == items.count && !parts.isEmpty ? parts.joined(separator: ", ") : nil
        case .object(let object):
            guard !object.isEmpty, object.members.allSatisfy({ if case .bool = $0.value { true } else { false } })
            else { return nil }
            let chosen = object.members.filter { $0.value == .bool(true) }.map(\.key)
            return chosen.isEmpty ? nil : chosen.joined(separator: ", ")
        case .null: return nil
        }
    }

    /// House number with its letter and addition: `12`, `12A`, `12A-2`.
    private static func houseNumber(_ values: FieldValues) -> String? {
        guard var number = values[.houseNumber] else { return nil }
        if number.allSatisfy(\.isNumber) {
            if let letter = values[.houseLetter] { number += letter.uppercased() }
            if let addition = values[.houseNumberAddition] { number += "-" + addition }
        }
        return number
    }

    /// `2221 ab` → `2221AB`; anything not shaped like a Dutch postcode is kept as given.
    static func normalizedPostcode(_ value: String) -> String {
        let compact = value.filter { !$0.isWhitespace }.uppercased()
        let scalars = Array(compact.unicodeScalars)
        guard scalars.count == 6,
              scalars[0] >= "1" && scalars[0] <= "9",
              scalars[1...3].allSatisfy({ $0 >= "0" && $0 <= "9" }),
              scalars[4...5].allSatisfy({ $0 >= "A" && $0 <= "Z" })
        else { return value }
        return compact
    }

    /// Line breaks as `\n`, control characters other than tab and line break removed, trimmed.
    static func clean(_ text: String) -> String {
        // Most text has no control characters: then only the trimming is left to do.
        let needsFiltering = hasControlBytes(text)
        guard needsFiltering else { return text.trimmingSpaces }
        let unified = text.replacingLineBreaks()
        let kept = unified.unicodeScalars.filter {
            $0 == "\n" || $0 == "\t" || !($0.value < 0x20 || $0.value == 0x7F)
        }
        return String(String.UnicodeScalarView(kept)).trimmingSpaces
    }
}

/// Whether `text` has a byte below 0x20 other than tab and line feed, or 0x7F; eight bytes
/// at a time, looked at one by one only when one of them is below 0x20 or 0x7F.
private func hasControlBytes(_ text: String) -> Bool {
    let isControl = { (byte: UInt8) in (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F }
    var text = text
    return text.withUTF8 { bytes in
        guard let base = bytes.baseAddress else { return false }
        var index = 0
        while index + 8 <= bytes.count {
            let word = ByteWord(at: base, offset: index)
            if word.below(0x20) | word.equal(to: 0x7F) != 0, bytes[index..<(index + 8)].contains(where: isControl) {
                return true
            }
            index += 8
        }
        return bytes[index...].contains(where: isControl)
    }
}

extension String {
    /// The string with CRLF and lone CR turned into LF.
    func replacingLineBreaks() -> String {
        guard unicodeScalars.contains("\r") else { return self }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result.append("\n")
                previousWasCR = true
            } else {
                if !(scalar == "\n" && previousWasCR) { result.append(scalar) }
                previousWasCR = false
            }
        }
        return String(result)
    }
}
