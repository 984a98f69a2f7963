/// The checked entries of one section, by key.
struct ConfigSectionValues {
    let section: IniSection
    /// Checked values by key, in file order; values that failed their check are left out.
    private(set) var values: [String: [(entry: IniEntry, value: ConfigValue)]] = [:]
    /// The first entry of every key given, whether its value was good or not.
    private(set) var firstEntries: [String: IniEntry] = [:]
    /// Keys with at least one value that had an error.
    private(set) var keysWithErrors: Set<String> = []

    init(section: IniSection) {
        self.section = section
    }

    mutating func add(_ entry: IniEntry, value: ConfigValue?, hadError: Bool) {
        if firstEntries[entry.key] == nil { firstEntries[entry.key] = entry }
        if hadError { keysWithErrors.insert(entry.key) }
        if let value { values[entry.key, default: []].append((entry, value)) }
    }

    /// Whether the key was given at all.
    func has(_ key: String) -> Bool { firstEntries[key] != nil }

    /// Where the key's first value is.
    func valueLocation(_ key: String) -> SourceLocation? { firstEntries[key]?.value.location }

    func text(_ key: String) -> String? {
        if case .text(let text)? = values[key]?.first?.value { return text }
        return nil
    }

    func integer(_ key: String) -> Int? {
        if case .integer(let number)? = values[key]?.first?.value { return number }
        return nil
    }

    func number(_ key: String) -> Double? {
        if case .number(let number)? = values[key]?.first?.value { return number }
        return nil
    }

    func signals(_ key: String) -> [Signal] {
        (values[key] ?? []).flatMap { if case .signals(let list) = $0.value { return list } else { return [] } }
    }

    /// Every text value of a list key with where it is, in file order.
    func texts(_ key: String) -> [(text: String, location: SourceLocation)] {
        (values[key] ?? []).compactMap { if case .text(let text) = $0.value { (text, $0.entry.value.location) } else { nil } }
    }

    func names(_ key: String) -> [String] {
        (values[key] ?? []).flatMap { if case .names(let list) = $0.value { return list } else { return [] } }
    }

    func ranges(_ key: String) -> [ClosedRange<Int>] {
        (values[key] ?? []).flatMap { if case .ranges(let list) = $0.value { return list } else { return [] } }
    }
}

/// Checks a section's entries against its schema: unknown keys, keys that do not apply to the
/// source type, duplicate single-value keys, bad values and missing required keys.
enum ConfigSectionReader {
    /// Reads `section`; `checkRequired: false` skips the check for missing keys (for a repeated
    /// section, whose keys are reported but not used).
    static func read(_ section: IniSection, schema: ConfigSectionSchema, sourceType: SourceType? = nil,
                     checkRequired: Bool = true, diagnostics: inout [Diagnostic]) -> ConfigSectionValues {
        var result = ConfigSectionValues(section: section)
        for entry in section.entries {
            guard let key = schema.key(named: entry.key) else {
                diagnostics.append(.error(unknownKeyMessage(entry.key, in: section, schema: schema, sourceType: sourceType),
                                          at: entry.keyLocation))
                continue
            }
            if let sourceType, !key.applies(to: sourceType) {
                let types = ConfigValueParser.listText((key.sourceTypes ?? []).map(\.rawValue))
                diagnostics.append(.error("'\(key.name)' does not apply to a \(sourceType.rawValue) source "
                                          + "(only to \(types))", at: entry.keyLocation))
                continue
            }
            if key.multiplicity == .single, let first = result.firstEntries[key.name] {
                diagnostics.append(.error("duplicate key '\(key.name)' (first set at line \(first.keyLocation.line))",
                                          at: entry.keyLocation))
                continue
            }
            let (value, problems) = ConfigValueParser.parse(entry, as: key.kind)
            diagnostics.append(contentsOf: problems)
            let hadError = entry.hasUnbalancedQuote || problems.contains(where: \.isError)
            result.add(entry, value: hadError && !isList(key.kind) ? nil : value, hadError: hadError)
        }
        for key in schema.keys where checkRequired && !result.has(key.name) {
            switch key.requirement {
            case .optional:
                break
            case .always:
                diagnostics.append(.error("missing required key '\(key.name)' in \(section.header)",
                                          at: section.location))
            case .forSourceTypes(let types):
                if let sourceType, types.contains(sourceType) {
                    diagnostics.append(.error("missing required key '\(key.name)' in \(section.header) "
                                              + "(a \(sourceType.rawValue) source needs it)", at: section.location))
                }
            }
        }
        return result
    }

    /// List kinds keep their good items even when other items were bad.
    private static func isList(_ kind: ConfigValueKind) -> Bool {
        switch kind {
        case .signals, .postcodeRanges, .names, .hostPort: return true
        default: return false
        }
    }

    /// "unknown key 'x' in [team Milieu]", with a suggestion among the keys valid there, or a
    /// pointer to the section the key belongs in.
    static func unknownKeyMessage(_ key: String, in section: IniSection, schema: ConfigSectionSchema,
                                  sourceType: SourceType?) -> String {
        let header = "unknown key '\(key)' in \(section.header)"
        let valid = schema.keys.filter { sourceType.map($0.applies(to:)) ?? true }.map(\.name)
        if let suggestion = Suggestions.closest(to: key, among: valid)
            ?? Suggestions.closest(to: key, among: schema.keys.map(\.name)) {
            return header + " (did you mean '\(suggestion)'?)"
        }
        let elsewhere = ConfigSchema.sections.filter { $0.kind != schema.kind && $0.key(named: key) != nil }
        if !elsewhere.isEmpty {
            return header + " ('\(key)' belongs under \(elsewhere.map(\.headerExample).joined(separator: " or ")))"
        }
        return header
    }
}
