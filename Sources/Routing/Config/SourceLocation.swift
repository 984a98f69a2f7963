/// A place in a configuration file: the file's path and a 1-based line and column.
///
/// Columns count characters (a tab counts as one). A location at line 0, column 0 stands for
/// the file as a whole, for example when it cannot be read.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The path of the file, as given to the parser.
    public var path: String
    /// The 1-based line number; 0 for the file as a whole.
    public var line: Int
    /// The 1-based column, in characters; 0 for the file as a whole.
    public var column: Int

    /// Creates a location.
    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `PATH:LINE:COL`, the form editors and compilers use.
    public var description: String { "\(path):\(line):\(column)" }

    /// The same line, `offset` columns further on.
    func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column + offset)
    }
}
