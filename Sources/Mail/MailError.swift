/// Why a message could not be parsed.
public enum MailError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input crossed one of the ``MailLimits``; the text says which, e.g.
    /// "more than 1000 MIME parts".
    case limitExceeded(String)
    /// The input is not a mail message at all (for instance, it is empty).
    case notAMessage(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .limitExceeded(let reason): return "mail limit exceeded: \(reason)"
        case .notAMessage(let reason): return "not a mail message: \(reason)"
        }
    }
}
