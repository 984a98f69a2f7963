/// The short reference a citizen sees in a receipt, such as `K7QM-2XBD`: the first eight
/// characters of the message ID, upper case, in two groups. The same message always has the
/// same reference; a later message whose subject carries `[ref K7QM-2XBD]` goes to the team of
/// the first one.
public enum ReceiptReference {
    /// The reference of message `id` (a 26-character base32 message ID).
    public static func make(id: String) -> String {
        let head = String(id.prefix(8)).uppercased()
        guard head.count == 8 else { return head }
        return String(head.prefix(4)) + "-" + String(head.suffix(4))
    }

    /// The journal's conversation key for `reference`: replies that carry it find the team.
    public static func conversationKey(_ reference: String) -> String {
        "ref:" + reference.uppercased()
    }

    /// The references written as `[ref XXXX-XXXX]` in `subject` (case-insensitive), in order.
    public static func found(in subject: String) -> [String] {
        var found: [String] = []
        let bytes = Array(subject.utf8)
        var index = 0
        while index + 15 <= bytes.count {
            defer { index += 1 }
            guard bytes[index] == 0x5B, lower(bytes[index + 1]) == 0x72, lower(bytes[index + 2]) == 0x65,
                  lower(bytes[index + 3]) == 0x66, bytes[index + 4] == 0x20 else { continue }
            let body = bytes[(index + 5)..<(index + 14)]
            guard bytes[index + 14] == 0x5D, body[body.startIndex + 4] == 0x2D else { continue }
            let groups = [body.prefix(4), body.suffix(4)]
            guard groups.allSatisfy({ $0.allSatisfy(isBase32) }) else { continue }
            found.append(String(decoding: body, as: UTF8.self).uppercased())
        }
        return found
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    private static func isBase32(_ byte: UInt8) -> Bool {
        let lowered = lower(byte)
        return (0x61...0x7A).contains(lowered) || (0x32...0x37).contains(lowered)
    }
}
