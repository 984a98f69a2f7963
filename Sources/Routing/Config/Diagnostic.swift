/// One problem found in a configuration file: an error, which makes the file unusable, or a
/// warning, which points at something that works but is probably not what was meant.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// The file cannot be used.
        case error
        /// The file can be used, but something looks wrong.
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// Where the problem is: the column of the offending key, value or signal entry.
    public var location: SourceLocation
    /// What is wrong, in one line, without the location.
    public var message: String

    /// Creates a diagnostic.
    public init(severity: Severity, location: SourceLocation, message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity: .error, location: location, message: message)
    }

    /// A warning at `location`.
    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity: .warning, location: location, message: message)
    }

    /// Whether this is an error.
    public var isError: Bool { severity == .error }

    /// `PATH:LINE:COL: message` for an error, `PATH:LINE:COL: warning: message` for a warning.
    public var description: String {
        switch severity {
        case .error: return "\(location): \(message)"
        case .warning: return "\(location): warning: \(message)"
        }
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics in line and column order, each reported once; equal positions keep
    /// their original order.
    func sortedForReport() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            if la.line != lb.line { return la.line < lb.line }
            if la.column != lb.column { return la.column < lb.column }
            return a.offset < b.offset
        }.map(\.element)
    }
}
