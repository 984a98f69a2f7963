import Foundation

/// A plain syntax check of e-mail addresses (`local@domain`), shared by the configuration
/// (`[acknowledge] from`) and the choice of who gets a receipt. Deliberately strict: what it
/// refuses is never written to, since a receipt to a mistyped address only bounces.
public enum MailboxSyntax {
    /// Whether `address` is a dot-atom `local@domain` with a domain of at least two labels:
    /// letters, digits and `!#$%&'*+/=?^_`{|}~-` in the local part, letters, digits and `-`
    /// in the domain labels, no leading, trailing or double dots, at most 254 bytes.
    public static func isValid(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard bytes.count <= 254, let at = bytes.lastIndex(of: 0x40), at > 0, at < bytes.count - 1 else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard local.count <= 64, isDotAtom(local, allowed: isLocalByte) else { return false }
        guard isDotAtom(domain, allowed: isDomainByte) else { return false }
        let labels = domain.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ $0.count <= 63 && $0.first != 0x2D && $0.last != 0x2D }) else {
            return false
        }
        return true
    }

    /// A mailbox as written in configuration: `Name <local@domain>` or `local@domain`.
    /// Returns the display name (or `nil`) and the address, or `nil` when it is not one.
    public static func parseMailbox(_ text: String) -> (name: String?, address: String)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            guard isValid(address), !name.contains(where: { $0 == "<" || $0 == ">" || $0.isNewline }) else { return nil }
            return (name.isEmpty ? nil : name, address)
        }
        return isValid(trimmed) ? (nil, trimmed) : nil
    }

    private static func isDotAtom(_ bytes: ArraySlice<UInt8>, allowed: (UInt8) -> Bool) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x2E, last != 0x2E else { return false }
        var previousDot = false
        for byte in bytes {
            if byte == 0x2E {
                if previousDot { return false }
                previousDot = true
                continue
            }
            previousDot = false
            guard allowed(byte) else { return false }
        }
        return true
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isLocalByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || Array("!#$%&'*+/=?^_`{|}~-".utf8).contains(byte)
    }

    private static func isDomainByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == 0x2D
    }
}
