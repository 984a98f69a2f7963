import Foundation

/// The form of a signal pattern; the strings are as written in the file, not folded.
public enum SignalPattern: Sendable, Hashable {
    /// `woord`: any word with the same Dutch stem.
    case word(String)
    /// `=woord`: exactly this word, no stemming.
    case exact(String)
    /// `woord*`: words that start with it.
    case head(String)
    /// `*woord`: words that end with it, compared after stemming.
    case tail(String)
    /// `*woord*`: words that contain it.
    case inside(String)
    /// `"twee woorden"`: consecutive words, each stem-matched.
    case phrase([String])
}

/// One entry of a `signals` or `urgent` list.
public struct Signal: Sendable, Hashable {
    /// What to look for.
    public var pattern: SignalPattern
    /// What a match adds to the team's score; negative counts against. Always 1 for urgent words.
    public var weight: Double
    /// The entry as written, without its weight (`stank*`, `"losse tegel"`).
    public var text: String
    /// Where the entry starts.
    public var location: SourceLocation
    /// Whether the entry comes from the learned signal file (`[router] learned`), not from routing.conf.
    public var learned: Bool

    /// Creates a signal.
    public init(pattern: SignalPattern, weight: Double = 1, text: String, location: SourceLocation, learned: Bool = false) {
        self.pattern = pattern
        self.weight = weight
        self.text = text
        self.location = location
        self.learned = learned
    }
}

/// Folding of terms for comparing signals with each other: lower case, no diacritics, `ĳ` as `ij`.
enum ConfigFolding {
    /// `text` lower-cased, without diacritics, with `ĳ` spelled `ij`.
    static func fold(_ text: String) -> String {
        // ASCII has no diacritics and no ĳ: lower case is all there is to it (and much cheaper).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "ĳ", with: "ij")
            .replacingOccurrences(of: "Ĳ", with: "ij")
    }

    /// A key equal for two patterns that match the same words.
    static func key(_ pattern: SignalPattern) -> String {
        switch pattern {
        case .word(let w): return "w:" + fold(w)
        case .exact(let w): return "=:" + fold(w)
        case .head(let w): return "h:" + fold(w)
        case .tail(let w): return "t:" + fold(w)
        case .inside(let w): return "i:" + fold(w)
        case .phrase(let words): return "p:" + words.map(fold).joined(separator: " ")
        }
    }
}
