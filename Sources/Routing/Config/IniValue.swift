/// The value of one `key = value` line: trimmed, with continuation lines joined by a space,
/// and the file position of every character kept, so errors inside it point at the right column.
public struct IniValue: Sendable, Hashable {
    /// One stretch of the value that lies on a single line of the file.
    struct Piece: Sendable, Hashable {
        /// Offset, in characters, of the piece's first character within the value.
        var offset: Int
        /// Line and column of that character in the file.
        var line: Int
        var column: Int
    }

    /// The value's text.
    public let text: String
    /// The value's characters, for scanning by offset.
    let characters: [Character]
    /// Where each stretch of the value sits in the file, in offset order.
    let pieces: [Piece]
    /// The file the value comes from.
    let path: String

    /// A one-line value that starts at `location`.
    public init(_ text: String, at location: SourceLocation) {
        self.init(characters: Array(text), pieces: [Piece(offset: 0, line: location.line, column: location.column)],
                  path: location.path)
    }

    init(characters: [Character], pieces: [Piece], path: String) {
        self.text = String(configCharacters: characters[...])
        self.characters = characters
        self.pieces = pieces
        self.path = path
    }

    /// Where the value's first character is (or would be, when the value is empty).
    public var location: SourceLocation { location(at: 0) }

    /// Where the character at `offset` (counted in characters from the value's start) is.
    /// An offset at or past the end points just after the last character.
    public func location(at offset: Int) -> SourceLocation {
        var piece = pieces[0]
        for candidate in pieces where candidate.offset <= offset {
            piece = candidate
        }
        return SourceLocation(path: path, line: piece.line, column: piece.column + (offset - piece.offset))
    }

    /// Whether the value is empty.
    public var isEmpty: Bool { characters.isEmpty }
}
