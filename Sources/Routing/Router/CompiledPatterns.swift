import Text

/// What a compiled pattern stands for.
enum PatternMeaning: Sendable {
    /// Signal `signal` of team `team`.
    case signal(team: Int, signal: Int)
    /// Priority word `index` of `[router] urgent`.
    case urgent(index: Int)
    /// Place name `place` of area `area` (indices, so that a pattern holds no reference to count).
    case place(area: Int, place: Int)
}

/// One pattern in one of the two automata, with its meaning.
struct CompiledPattern: Sendable {
    let meaning: PatternMeaning
    /// Whether the pattern starts with the space before a word (so its match starts one later).
    let startsAtWord: Bool
    /// Whether the pattern holds more than one word (a phrase), so its match spans words.
    let spansWords: Bool
}

/// What the router reads of one output of an automaton's state: the pattern's meaning and
/// flags, and how far before the match's end the matched words start. Kept in the automaton's
/// order of outputs, so that a state's outputs are read from one place (instead of through
/// the pattern's number into two more tables: look-ups that miss the cache).
struct MatchedPattern: Sendable {
    let meaning: PatternMeaning
    /// The pattern's length, less one when it starts with the space before a word.
    let startBack: Int
    /// Whether the pattern holds more than one word (a phrase), so its match spans words.
    let spansWords: Bool

    init(_ pattern: CompiledPattern, length: Int) {
        meaning = pattern.meaning
        startBack = length - (pattern.startsAtWord ? 1 : 0)
        spansWords = pattern.spansWords
    }
}

/// All signal words, priority words and place names of a configuration, compiled into one
/// automaton over folded words and one over stems.
struct CompiledPatterns: Sendable {
    let foldedMatcher: PatternMatcher
    /// The folded patterns by output of ``foldedMatcher`` (``PatternMatcher/outputs(ofNoted:)``).
    let foldedOutputs: [MatchedPattern]
    let stemMatcher: PatternMatcher
    /// The stem patterns by output of ``stemMatcher``.
    let stemOutputs: [MatchedPattern]
    /// Each signal's weight, by team and signal index (read while deciding without reaching
    /// into, and so copying, a ``TeamConfig``).
    let signalWeights: [[Double]]
    /// Total number of compiled patterns.
    let count: Int

    init(config: RoutingConfig, analyzer: TextAnalyzer) {
        var builder = Builder(analyzer: analyzer)
        for (teamIndex, team) in config.teams.enumerated() {
            for (signalIndex, signal) in team.signals.enumerated() {
                builder.add(signal.pattern, .signal(team: teamIndex, signal: signalIndex))
            }
        }
        for (index, signal) in config.router.urgent.enumerated() {
            builder.add(signal.pattern, .urgent(index: index))
        }
        for (areaIndex, area) in config.areas.enumerated() {
            for (placeIndex, place) in area.places.enumerated() {
                builder.add(.exact(place), .place(area: areaIndex, place: placeIndex))
            }
        }
        foldedMatcher = PatternMatcher(patterns: builder.folded.map(\.bytes))
        stemMatcher = PatternMatcher(patterns: builder.stems.map(\.bytes))
        foldedOutputs = CompiledPatterns.outputs(of: foldedMatcher, builder.folded.map(\.pattern))
        stemOutputs = CompiledPatterns.outputs(of: stemMatcher, builder.stems.map(\.pattern))
        count = builder.folded.count + builder.stems.count
        signalWeights = config.teams.map { team in team.signals.map(\.weight) }
    }

    private static func outputs(of matcher: PatternMatcher, _ patterns: [CompiledPattern]) -> [MatchedPattern] {
        (0..<matcher.outputCount).map { output in
            let id = matcher.pattern(atOutput: output)
            return MatchedPattern(patterns[id], length: matcher.length(of: id))
        }
    }
}

private struct Builder {
    let analyzer: TextAnalyzer
    var folded: [(bytes: [UInt8], pattern: CompiledPattern)] = []
    var stems: [(bytes: [UInt8], pattern: CompiledPattern)] = []

    init(analyzer: TextAnalyzer) { self.analyzer = analyzer }

    mutating func add(_ pattern: SignalPattern, _ meaning: PatternMeaning) {
        switch pattern {
        case .word(let word):
            addWords(stemsOf(word), meaning)
        case .phrase(let words):
            addWords(words.flatMap { stemsOf($0) }, meaning)
        case .exact(let word):
            let words = foldedWords(word)
            guard !words.isEmpty else { return }
            folded.append((space + joined(words) + space, CompiledPattern(meaning: meaning, startsAtWord: true, spansWords: words.count > 1)))
        case .head(let word):
            let words = foldedWords(word)
            guard !words.isEmpty else { return }
            folded.append((space + joined(words), CompiledPattern(meaning: meaning, startsAtWord: true, spansWords: words.count > 1)))
        case .tail(let word):
            // Both as written and as stemmed: the stem of a compound may differ at its start
            // (geluidsoverlast → luidsoverlas), the written word misses inflections (stoeptegels).
            let written = foldedWords(word)
            let stemmed = stemsOf(word)
            guard !written.isEmpty, !stemmed.isEmpty else { return }
            folded.append((joined(written) + space, CompiledPattern(meaning: meaning, startsAtWord: false, spansWords: written.count > 1)))
            // The stemmed form only where stemming took an inflection off (tegels → tegel), not a
            // derivational suffix: *houderij stems to "houd", which would match huishouden.
            if joined(stemmed).count + 2 >= joined(written).count {
                stems.append((joined(stemmed) + space, CompiledPattern(meaning: meaning, startsAtWord: false, spansWords: stemmed.count > 1)))
            }
        case .inside(let word):
            let words = foldedWords(word)
            guard !words.isEmpty else { return }
            folded.append((joined(words), CompiledPattern(meaning: meaning, startsAtWord: false, spansWords: words.count > 1)))
        }
    }

    private mutating func addWords(_ words: [[UInt8]], _ meaning: PatternMeaning) {
        guard !words.isEmpty else { return }
        stems.append((space + joined(words) + space, CompiledPattern(meaning: meaning, startsAtWord: true, spansWords: words.count > 1)))
    }

    private let space: [UInt8] = [0x20]

    private func joined(_ words: [[UInt8]]) -> [UInt8] {
        Array(words.joined(separator: [0x20]))
    }

    private func foldedWords(_ text: String) -> [[UInt8]] {
        let analysed = analyzer.analyze(text)
        return analysed.tokens.map { token in
            Array(analysed.folded[token.foldedStart...].prefix { $0 != 0x20 })
        }
    }

    private func stemsOf(_ text: String) -> [[UInt8]] {
        let analysed = analyzer.analyze(text)
        return analysed.tokens.map { token in
            Array(analysed.stems[token.stemStart...].prefix { $0 != 0x20 })
        }
    }
}
