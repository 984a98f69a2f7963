/// Removes personal numbers from text before it reaches a log or an explanation.
public enum Redaction {
    /// The placeholder that replaces every BSN.
    public static let bsnPlaceholder = "[BSN]"

    /// Returns `text` with every BSN that ``EntityScanner`` finds replaced by `[BSN]`.
    public static func redactBSNs(_ text: String) -> String {
        let ranges = EntityScanner.scan(text).bsns.map(\.range)
        guard !ranges.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        for range in ranges {
            out.append(contentsOf: bytes[position..<range.start])
            out.append(contentsOf: bsnPlaceholder.utf8)
            position = range.end
        }
        out.append(contentsOf: bytes[position...])
        return String(decoding: out, as: UTF8.self)
    }
}
