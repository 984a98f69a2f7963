import Messages
import Text

/// Decides which team gets a message, from a ``RoutingConfig``. Pure: no I/O, no clock.
///
/// A team's score is the sum of the weights of its distinct matched signals; a match in the
/// subject counts `subject-weight` times. The best team wins unless its score is below
/// `min-score` or its lead over the runner-up is below `min-margin`: then the fallback team
/// gets the message.
public struct Router: Sendable {
    /// The configuration this router decides by.
    public let config: RoutingConfig
    private let analyzer = TextAnalyzer()
    private let patterns: CompiledPatterns
    private let fallbackIndex: Int
    /// `config.router`, kept apart so that deciding reads it without copying it out of `config`.
    private let settings: RouterSettings
    private let queuePaths: [String: String]
    /// Every team's name, in configuration order, shared by the decisions.
    private let teamNames: [String]
    /// The areas' postcodes, streets, places and polygons, for finding a message's area.
    private let areaIndex: AreaIndex
    /// Which team takes over which in which area, and the outside team.
    private let areaTeams: AreaTeams

    /// Compiles the configuration's signals, priority words and places.
    public init(config: RoutingConfig) {
        self.config = config
        settings = config.router
        queuePaths = Dictionary(config.teams.map { ($0.name, config.queuePath(forTeam: $0.name)) }) { first, _ in first }
        patterns = CompiledPatterns(config: config, analyzer: analyzer)
        let fallback = config.team(named: config.router.fallback)?.name ?? config.router.fallback
        fallbackIndex = config.teams.firstIndex { $0.name == fallback } ?? 0
        teamNames = config.teams.map(\.name)
        areaIndex = AreaIndex(areas: config.areas)
        areaTeams = AreaTeams(config: config)
    }

    /// The queue directory of a team, as ``RoutingConfig/queuePath(forTeam:)`` gives it,
    /// worked out once.
    public func queuePath(forTeam name: String) -> String {
        queuePaths[name] ?? config.queuePath(forTeam: name)
    }

    /// Number of compiled patterns (signals, priority words and place names).
    public var patternCount: Int { patterns.count }

    /// Routes a message by its subject and text.
    /// With `entities: false` the postcode, house number, phone and e-mail detection is skipped
    /// (``Decision/entities`` then holds only the place names found), for callers that show
    /// the team and score alone; not when area teams need the postcode and street to decide.
    public func route(subject: String, text: String, entities wantsEntities: Bool = true) -> Decision {
        route(subject: subject, text: text, entities: wantsEntities, given: nil)
    }

    /// Routes by subject and text, with the location a form gave (`given`) for finding the area.
    func route(subject: String, text: String, entities wantsEntities: Bool, given: Location?) -> Decision {
        // An empty subject (every line of `classify --lines`, most forms) has no words to match.
        let subjectAnalysis = subject.isEmpty ? nil : analyzer.analyze(subject, limit: settings.maxTextBytes)
        let remaining = max(0, settings.maxTextBytes - (subjectAnalysis?.analysedBytes ?? 0))
        let textAnalysis = analyzer.analyze(text, limit: remaining)
        var tally = Tally()
        if let subjectAnalysis { collect(subjectAnalysis, field: .subject, into: &tally) }
        collect(textAnalysis, field: .text, into: &tally)
        var entities = wantsEntities || !areaTeams.isEmpty
            ? detectEntities(subject: subject, text: text, limit: settings.maxTextBytes, place: tally.place)
            : placeOnly(tally.place)
        if let given, !areaIndex.isEmpty { locate(&entities, place: tally.place, given: given) }
        let forced: DecisionReason? = (subjectAnalysis?.isEmpty ?? true) && textAnalysis.isEmpty ? .empty : nil
        var hits: [SignalHit] = []
        return Decision(decide(tally, entities: entities, forced: forced, hits: &hits), config: config, teamNames: teamNames)
    }

    /// Routes a message without a subject whose text is `utf8` (valid UTF-8, as a `String`'s
    /// bytes are): the same decision as ``route(subject:text:entities:)`` with an empty subject,
    /// by indices and without making a `String` of the text.
    public func verdict(utf8 text: UnsafeBufferPointer<UInt8>, entities wantsEntities: Bool = true) -> Verdict {
        var buffers = RoutingBuffers()
        return verdict(utf8: text, entities: wantsEntities, reusing: &buffers)
    }

    /// ``verdict(utf8:entities:)`` with the working storage of `buffers`, kept from one message
    /// to the next by a caller that routes many (so that short messages allocate less).
    public func verdict(
        utf8 text: UnsafeBufferPointer<UInt8>, entities wantsEntities: Bool = true, reusing buffers: inout RoutingBuffers
    ) -> Verdict {
        let analysis = analyzer.analyze(utf8: text, limit: settings.maxTextBytes, reusing: &buffers.analysis)
        PatternMatcher.noteStates(patterns.foldedMatcher, and: patterns.stemMatcher, in: analysis, into: &buffers.matches)
        return verdict(utf8: text, analysis: analysis, entities: wantsEntities, reusing: &buffers)
    }

    /// The verdicts on two messages, each as ``verdict(utf8:entities:reusing:)`` gives it with
    /// its own buffers, found faster than one after the other: both messages' words are
    /// matched in one pass (``PatternMatcher/noteStates(_:and:in:into:and:into:)``).
    public func verdicts(
        utf8 one: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>, entities wantsEntities: Bool = true,
        reusing oneBuffers: inout RoutingBuffers, _ otherBuffers: inout RoutingBuffers
    ) -> (Verdict, Verdict) {
        let oneAnalysis = analyzer.analyze(utf8: one, limit: settings.maxTextBytes, reusing: &oneBuffers.analysis)
        let otherAnalysis = analyzer.analyze(utf8: other, limit: settings.maxTextBytes, reusing: &otherBuffers.analysis)
        PatternMatcher.noteStates(patterns.foldedMatcher, and: patterns.stemMatcher,
                                  in: oneAnalysis, into: &oneBuffers.matches, and: otherAnalysis, into: &otherBuffers.matches)
        return (verdict(utf8: one, analysis: oneAnalysis, entities: wantsEntities, reusing: &oneBuffers),
                verdict(utf8: other, analysis: otherAnalysis, entities: wantsEntities, reusing: &otherBuffers))
    }

    /// The verdict on `text`, whose `analysis` has been scanned into `buffers.matches`.
    private func verdict(
        utf8 text: UnsafeBufferPointer<UInt8>, analysis: consuming AnalyzedText, entities wantsEntities: Bool,
        reusing buffers: inout RoutingBuffers
    ) -> Verdict {
        let limit = settings.maxTextBytes
        var tally = Tally(reusing: &buffers.signals)
        collectNoted(analysis, field: .text, into: &tally, buffers: buffers.matches)
        let empty = analysis.isEmpty
        buffers.analysis.recycle(analysis)
        let entities: DetectedEntities
        if wantsEntities || !areaTeams.isEmpty {
            // The entity scan reads at most max-text bytes; a cut character would become U+FFFD.
            if !EntityScanner.mayFind(utf8: text) {
                // No digit, `(`, `+` or `@`: nothing for the scan to find (most short messages).
                entities = placeOnly(tally.place)
            } else if text.count <= limit {
                entities = detectEntities(subject: Entities(), text: EntityScanner.scan(utf8: text), place: tally.place)
            } else {
                let cut = String(decoding: UnsafeBufferPointer(rebasing: text[..<max(0, limit)]), as: UTF8.self)
                entities = detectEntities(subject: Entities(), text: EntityScanner.scan(cut), place: tally.place)
            }
        } else {
            entities = placeOnly(tally.place)
        }
        let verdict = decide(tally, entities: consume entities, forced: empty ? .empty : nil, hits: &buffers.hits)
        tally.giveBack(&buffers.signals)
        return verdict
    }

    /// The area team that takes over `team`'s messages where `decision`'s message lies, if any:
    /// what the router does after the signals, for a team chosen otherwise (a message handed back).
    public func areaTeam(taking team: String, in decision: Decision) -> String? {
        guard !areaTeams.isEmpty, let finding = decision.entities.finding,
              let index = config.teams.firstIndex(where: { $0.name.lowercased() == team.lowercased() }),
              let taker = areaTeams.taker(decided: index, finding: finding) else { return nil }
        return config.teams[taker].name
    }

    /// The area whose postcode range holds `postcode` (`2221AB` or `2221`).
    public func area(forPostcode postcode: String) -> String? {
        areaIndex.area(postcode: postcode).map { config.areas[$0].name }
    }

    /// The area that lists `place` (case- and diacritic-insensitive).
    public func area(forPlace place: String) -> String? {
        areaIndex.area(place: place).map { config.areas[$0].name }
    }

    /// The area whose polygons hold `point`, the first in file order.
    public func area(forPoint point: Coordinates) -> String? {
        areaIndex.area(point: point).map { config.areas[$0].name }
    }

    private func collect(_ analysis: AnalyzedText, field: MessageField, into tally: inout Tally) {
        var buffers = MatchBuffers()
        collect(analysis, field: field, into: &tally, buffers: &buffers)
    }

    private func collect(_ analysis: AnalyzedText, field: MessageField, into tally: inout Tally, buffers: inout MatchBuffers) {
        PatternMatcher.noteStates(patterns.foldedMatcher, and: patterns.stemMatcher, in: analysis, into: &buffers)
        collectNoted(analysis, field: field, into: &tally, buffers: buffers)
    }

    /// The matches of the states that a scan of `analysis` noted in `buffers`.
    private func collectNoted(_ analysis: AnalyzedText, field: MessageField, into tally: inout Tally, buffers: borrowing MatchBuffers) {
        // Plain loops over the noted states (a closure here would capture, and so retain, the
        // whole router), the folded matches first, as `PatternMatcher.forEachMatch` gives them.
        collect(analysis, field: field, into: &tally, noted: buffers.noted(by: 0),
                matcher: patterns.foldedMatcher, outputs: patterns.foldedOutputs, folded: true)
        collect(analysis, field: field, into: &tally, noted: buffers.noted(by: 1),
                matcher: patterns.stemMatcher, outputs: patterns.stemOutputs, folded: false)
    }

    /// The matches of one automaton; its matcher and patterns are passed in (borrowed), not
    /// picked into a local, which would copy them.
    private func collect(
        _ analysis: AnalyzedText, field: MessageField, into tally: inout Tally, noted: ArraySlice<Int>,
        matcher: PatternMatcher, outputs: [MatchedPattern], folded: Bool
    ) {
        var index = 0
        // The last word found: the next match's words are at most a few further on.
        var word = 0
        while index < noted.count {
            let end = noted[index + 1]
            for output in matcher.outputs(ofNoted: noted[index]) {
                let pattern = outputs[output]
                guard let slot = tally.slot(for: pattern.meaning, field: field) else { continue }
                let start = end - pattern.startBack
                guard let first = analysis.tokenIndex(offset: start, folded: folded, from: word),
                      let last = pattern.spansWords ? analysis.tokenIndex(offset: end - 2, folded: folded, from: first) : first
                else { continue }
                word = first
                tally.record(pattern.meaning, field: field, range: analysis.span(from: first, through: last), at: slot)
            }
            index += 2
        }
    }

    /// The verdict on what `tally` holds; its hits are made in the storage of `storage`.
    private func decide(
        _ tally: Tally, entities: consuming DetectedEntities, forced: DecisionReason?, hits storage: inout [SignalHit]
    ) -> Verdict {
        let hits = tally.hits(weights: patterns.signalWeights, subjectWeight: settings.subjectWeight, reusing: &storage)
        let ranked = rank(hits)
        let reason = forced ?? DecisionReason.judging(best: ranked.best, runnerUp: ranked.second, settings: settings)
        let fallback = !reason.isSignals
        let winner = fallback ? fallbackIndex : ranked.first
        // Without area teams (most configurations) the verdict is made once and never copied.
        guard !areaTeams.isEmpty, let finding = entities.finding,
              let taker = areaTeams.taker(decided: winner, finding: finding) else {
            return Verdict(
                team: winner, score: fallback ? ranked.fallbackScore : ranked.best,
                confidence: confidence(best: ranked.best, second: ranked.second),
                fallback: fallback, reason: reason, hits: hits, urgent: tally.urgent,
                runnerUp: ranked.runnerUp, entities: entities)
        }
        let route = AreaRoute(area: finding.area.map { config.areas[$0].name }, finding: finding,
                              decidedTeam: config.teams[winner].name)
        return Verdict(
            team: taker, score: fallback ? ranked.fallbackScore : ranked.best,
            confidence: confidence(best: ranked.best, second: ranked.second),
            fallback: false, reason: .area(route, base: reason), hits: hits, urgent: tally.urgent,
            runnerUp: ranked.runnerUp, entities: entities)
    }

    /// The ranking of the teams' totals: the first team by score (ties by configuration order),
    /// its score and the second's, the fallback team's score, and the runner-up (the best after
    /// the first that scored or matched anything).
    typealias Ranking = (first: Int, best: Double, second: Double, fallbackScore: Double, runnerUp: (team: Int, score: Double)?)

    /// A handful of teams are ranked all together (``rankEvery(_:)``); more, by the teams that
    /// matched (``rankMatched(_:)``). Both give the same ranking.
    private func rank(_ hits: [SignalHit]) -> Ranking {
        config.teams.count <= 16 ? rankEvery(hits) : rankMatched(hits)
    }

    /// Every team's total in a table, then one pass over them for the first (ties by
    /// configuration order), the second score and the runner-up: what sorting them all gives.
    func rankEvery(_ hits: [SignalHit]) -> Ranking {
        let teamCount = config.teams.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: teamCount) { totals in
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: teamCount) { matched in
                totals.initialize(repeating: 0)
                matched.initialize(repeating: false)
                for hit in hits {
                    totals[hit.team] = ScoreText.rounded(totals[hit.team] + hit.weight)
                    matched[hit.team] = true
                }
                var first = 0
                for team in 1..<max(teamCount, 1) where totals[team] > totals[first] { first = team }
                var second = -Double.infinity
                var runnerUp = -1
                for team in 0..<teamCount where team != first {
                    second = max(second, totals[team])
                    // The runner-up: the best of the others that scored or matched anything.
                    if totals[team] != 0 || matched[team], runnerUp < 0 || totals[team] > totals[runnerUp] { runnerUp = team }
                }
                return (first, totals[first], teamCount > 1 ? second : 0, totals[fallbackIndex],
                        runnerUp < 0 ? nil : (runnerUp, totals[runnerUp]))
            }
        }
    }

    /// Only teams with a matched signal can score other than 0; every other team scores 0 and
    /// ranks among those by configuration order, so the first two of them stand for all. A
    /// message then costs its matches, not the number of teams (hundreds with area teams).
    func rankMatched(_ hits: [SignalHit]) -> Ranking {
        let teamCount = config.teams.count
        return withUnsafeTemporaryAllocation(of: RankedTeam.self, capacity: hits.count + 2) { candidates in
            var count = 0
            for hit in hits {
                var slot = 0
                while slot < count && candidates[slot].team != hit.team { slot += 1 }
                if slot == count {
                    (candidates.baseAddress! + count).initialize(to: RankedTeam(team: hit.team, total: 0, matched: true))
                    count += 1
                }
                candidates[slot].total = ScoreText.rounded(candidates[slot].total + hit.weight)
            }
            let matchedCount = count
            var team = 0
            while count < matchedCount + 2 && team < teamCount {
                var seen = false
                for slot in 0..<matchedCount where candidates[slot].team == team { seen = true }
                if !seen {
                    (candidates.baseAddress! + count).initialize(to: RankedTeam(team: team, total: 0, matched: false))
                    count += 1
                }
                team += 1
            }
            // Highest score first, ties by configuration order (an insertion sort: a handful of candidates).
            for index in 1..<max(count, 1) {
                let moving = candidates[index]
                var slot = index
                while slot > 0 && (candidates[slot - 1].total < moving.total
                                   || candidates[slot - 1].total == moving.total && candidates[slot - 1].team > moving.team) {
                    candidates[slot] = candidates[slot - 1]
                    slot -= 1
                }
                candidates[slot] = moving
            }
            var fallbackScore = 0.0
            var runnerUp: (team: Int, score: Double)?
            for slot in 0..<count {
                if candidates[slot].team == fallbackIndex { fallbackScore = candidates[slot].total }
                if slot > 0, runnerUp == nil, candidates[slot].matched { runnerUp = (candidates[slot].team, candidates[slot].total) }
            }
            return (candidates[0].team, candidates[0].total, teamCount > 1 && count > 1 ? candidates[1].total : 0,
                    fallbackScore, runnerUp)
        }
    }

    private func confidence(best: Double, second: Double) -> Double {
        guard best > 0 else { return 0 }
        let lead = 1 - max(second, 0) / best
        let strength = min(1, best / max(1, settings.minScore + settings.minMargin))
        return (lead * strength * 1000).rounded() / 1000
    }

    private func detectEntities(subject: String, text: String, limit: Int, place: (area: Int, place: Int)?) -> DetectedEntities {
        let subjectFound = subject.isEmpty ? Entities() : EntityScanner.scan(Router.prefix(subject, limit))
        let found = EntityScanner.scan(Router.prefix(text, max(0, limit - subject.utf8.count)))
        return detectEntities(subject: subjectFound, text: found, place: place)
    }

    private func detectEntities(subject subjectFound: Entities, text found: Entities, place: (area: Int, place: Int)?) -> DetectedEntities {
        // Nothing found (most short messages): the place alone, as below.
        if subjectFound.isEmpty && found.isEmpty { return placeOnly(place) }
        let houseNumber = subjectFound.houseNumbers.first ?? found.houseNumbers.first
        var entities = DetectedEntities(
            postcode: subjectFound.postcodes.first?.postcode ?? found.postcodes.first?.postcode,
            houseNumber: houseNumber?.number,
            street: houseNumber?.street,
            place: place.map(placeName),
            phones: Router.joined(subjectFound.phones, found.phones) { $0.number },
            emails: Router.joined(subjectFound.emails, found.emails) { $0.address },
            bsnCount: subjectFound.bsns.count + found.bsns.count)
        if !areaIndex.isEmpty { locate(&entities, place: place, given: nil) }
        return entities
    }

    /// The entities when detection is skipped: the first place name and its area.
    private func placeOnly(_ place: (area: Int, place: Int)?) -> DetectedEntities {
        guard let place else { return DetectedEntities() }
        let name = placeName(place)
        return DetectedEntities(place: name, area: config.areas[place.area].name,
                                finding: AreaFinding(area: place.area, by: .place, value: name))
    }

    /// Finds the area of `entities` (found in the words) and of `given` (a form's fields), and
    /// records it in `entities`.
    private func locate(_ entities: inout DetectedEntities, place: (area: Int, place: Int)?, given: Location?) {
        let clues = AreaClues(
            point: given?.coordinates, postcode: given?.postcode, textPostcode: entities.postcode,
            street: given?.street, textStreet: entities.street, place: given?.place,
            textPlace: place.map { (placeName($0), $0.area) })
        let finding = areaIndex.find(clues)
        entities.finding = finding
        entities.area = finding?.area.map { config.areas[$0].name }
    }

    private func placeName(_ place: (area: Int, place: Int)) -> String {
        config.areas[place.area].places[place.place]
    }

    /// The values of the subject's matches, then the text's (no arrays built when both are empty).
    private static func joined<Match>(_ subject: [Match], _ text: [Match], _ value: (Match) -> String) -> [String] {
        if subject.isEmpty && text.isEmpty { return [] }
        var values: [String] = []
        values.reserveCapacity(subject.count + text.count)
        for match in subject { values.append(value(match)) }
        for match in text { values.append(value(match)) }
        return values
    }

    /// At most the first `limit` UTF-8 bytes of `text` (a cut character becomes U+FFFD).
    static func prefix(_ text: String, _ limit: Int) -> String {
        text.utf8.count > limit ? String(decoding: text.utf8.prefix(limit), as: UTF8.self) : text
    }
}

/// One team among the candidates of ``Router``'s ranking.
private struct RankedTeam {
    let team: Int
    var total: Double
    /// Whether a signal of the team matched (a team with matches may still total 0).
    let matched: Bool
}
