/// Message identifiers in `Message-ID`, `In-Reply-To`, `References` and `Content-ID`.
public enum MessageIDs {
    /// The identifiers in a header value, without angle brackets, in order. Values without
    /// any `<…>` fall back to white-space separated words that contain an `@`, or, for a
    /// single word, that word.
    public static func parse(_ value: String) -> [String] {
        var ids: [String] = []
        var current: String.UnicodeScalarView?
        for scalar in value.unicodeScalars {
            if scalar == "<" {
                current = String.UnicodeScalarView()
            } else if scalar == ">" {
                if let id = current {
                    let text = String(id).trimmingBlanks()
                    if !text.isEmpty { ids.append(text) }
                }
                current = nil
            } else if !scalar.isBlankOrNewline {
                current?.append(scalar)
            }
        }
        if !ids.isEmpty { return ids }
        let words = value.split { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\n" || $0 == "\r" }.map(String.init)
        if words.count == 1 { return words }
        return words.filter { $0.contains("@") }
    }
}
