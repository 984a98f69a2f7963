/// A parsed INI file in the style of systemd unit files: sections of `key = value` entries,
/// with the location of every section, key and value.
///
/// The document knows nothing of Wegwijzer's keys; ``ConfigParser`` checks them against
/// ``ConfigSchema``. Syntax problems (a malformed section header, a line without `=`, a key
/// outside any section, an unbalanced quote) are in ``diagnostics``.
public struct IniDocument: Sendable, Hashable {
    /// The file the document was read from.
    public let path: String
    /// The sections, in file order.
    public let sections: [IniSection]
    /// Syntax errors, in line order.
    public let diagnostics: [Diagnostic]

    /// Creates a document from parts.
    public init(path: String, sections: [IniSection], diagnostics: [Diagnostic]) {
        self.path = path
        self.sections = sections
        self.diagnostics = diagnostics
    }

    /// Parses INI text. Never fails: what cannot be understood becomes a diagnostic, and
    /// parsing goes on with the next line.
    public static func parse(_ text: String, path: String) -> IniDocument {
        var lexer = IniLexer(path: path)
        lexer.run(text)
        return IniDocument(path: path, sections: lexer.sections, diagnostics: lexer.diagnostics)
    }
}

/// One `[kind]` or `[kind NAME]` section and the entries under it.
public struct IniSection: Sendable, Hashable {
    /// The section kind, the first word of the header (`team` in `[team Milieu]`).
    public let kind: String
    /// The section name, the second word of the header, if any.
    public let name: String?
    /// Where the header's `[` is.
    public let location: SourceLocation
    /// Where the kind word starts.
    public let kindLocation: SourceLocation
    /// Where the name starts, if there is one.
    public let nameLocation: SourceLocation?
    /// Whether the header had a syntax error; its kind and name are a best guess then.
    public let isMalformed: Bool
    /// The `key = value` entries, in file order.
    public var entries: [IniEntry]

    /// Creates a section.
    public init(kind: String, name: String?, location: SourceLocation, kindLocation: SourceLocation,
                nameLocation: SourceLocation?, isMalformed: Bool = false, entries: [IniEntry] = []) {
        self.kind = kind
        self.name = name
        self.location = location
        self.kindLocation = kindLocation
        self.nameLocation = nameLocation
        self.isMalformed = isMalformed
        self.entries = entries
    }

    /// `[kind]` or `[kind NAME]`, for messages.
    public var header: String { name.map { "[\(kind) \($0)]" } ?? "[\(kind)]" }
}

/// One `key = value` line (with its continuation lines).
public struct IniEntry: Sendable, Hashable {
    /// The key, as written.
    public let key: String
    /// Where the key starts.
    public let keyLocation: SourceLocation
    /// The value.
    public let value: IniValue
    /// Whether the value has a `"` that is never closed (already reported by the lexer).
    public let hasUnbalancedQuote: Bool

    /// Creates an entry.
    public init(key: String, keyLocation: SourceLocation, value: IniValue, hasUnbalancedQuote: Bool = false) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
        self.hasUnbalancedQuote = hasUnbalancedQuote
    }
}
