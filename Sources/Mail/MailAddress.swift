/// A mailbox: an optional display name and an address.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The display name, RFC 2047 decoded, or nil when there is none.
    public var name: String?
    /// The address (`local@domain`); may be empty, as in bounces' `<>`.
    public var address: String

    /// Creates a mailbox.
    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }

    /// `Name <address>`, or the bare address.
    public var description: String {
        guard let name, !name.isEmpty else { return address }
        return "\(name) <\(address)>"
    }
}
