/// Finds every occurrence of many byte patterns in one pass (Aho-Corasick).
///
/// All patterns compile into one deterministic automaton over byte classes, so the cost of a
/// scan grows with the length of the text and the number of matches, not with the number of
/// patterns.
public struct PatternMatcher: Sendable {
    /// Number of states in the automaton.
    public let stateCount: Int
    private let byteClass: [UInt16]
    @usableFromInline let classCount: Int
    /// For wide rows (``TransitionTable``), `2^40 / classCount`, rounded up: a state
    /// pre-multiplied by `classCount` times this, shifted right by 40, is the state's number (a
    /// multiplication in place of a division); 0 for narrow rows, where a state is its number.
    @usableFromInline let stateNumberFactor: UInt64
    /// The next state by state and byte class; the states with outputs are numbered last, from
    /// `firstOutput` on.
    private let transitions: TransitionTable
    /// The first state with outputs, as the table's states are written.
    private let firstOutput: Int
    @usableFromInline let outputStart: [Int32]
    @usableFromInline let outputs: [Int32]
    @usableFromInline let lengths: [Int]

    /// Compiles the patterns; a pattern's index in this array is its identifier in matches.
    public init(patterns: [[UInt8]]) {
        var builder = TrieBuilder()
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            builder.insert(pattern, id: Int32(index))
        }
        let automaton = builder.compile()
        stateCount = automaton.stateCount
        byteClass = automaton.byteClass
        classCount = automaton.classCount
        // Exact while a pre-multiplied state stays below 2^24 times classCount (the product
        // below fits in 64 bits, and its error stays under one): automata have far fewer states.
        precondition(automaton.stateCount < 1 << 23, "an automaton too large to number its states by multiplication")
        transitions = TransitionTable(automaton.transitions, classCount: classCount)
        stateNumberFactor = transitions.isNarrow ? 0 : ((1 << 40) + UInt64(classCount) - 1) / UInt64(classCount)
        firstOutput = transitions.isNarrow ? automaton.firstOutput : automaton.firstOutput * classCount
        outputStart = automaton.outputStart
        outputs = automaton.outputs
        lengths = patterns.map(\.count)
    }

    /// The length in bytes of pattern `id`.
    @inlinable
    public func length(of id: Int) -> Int { lengths[id] }

    /// The outputs of a state noted by ``noteStates(_:and:in:into:)`` (see ``MatchBuffers/noted(by:)``),
    /// as indices for ``pattern(atOutput:)``.
    @inlinable
    public func outputs(ofNoted state: Int) -> Range<Int> {
        let index = stateNumber(state)
        return Int(outputStart[index])..<Int(outputStart[index + 1])
    }

    /// The number of a state as the table writes it (see ``stateNumberFactor``).
    @inlinable
    func stateNumber(_ state: Int) -> Int {
        stateNumberFactor == 0 ? state : Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: state) &* stateNumberFactor) &>> 40)
    }

    /// The number of outputs of all states together: ``outputs(ofNoted:)`` gives indices below it.
    public var outputCount: Int { outputs.count }

    /// The pattern of output `index` (one of ``outputs(ofNoted:)``).
    @inlinable
    public func pattern(atOutput index: Int) -> Int { Int(outputs[index]) }

    /// Calls `body(pattern, end)` for every occurrence, `end` being the offset just past it.
    public func forEachMatch(in text: [UInt8], _ body: (_ pattern: Int, _ end: Int) -> Void) {
        PatternMatcher.forEachMatch(self, in: text, and: PatternMatcher(patterns: []), in: []) { _, pattern, end in
            body(pattern, end)
        }
    }

    /// Scans two texts with two matchers in one interleaved pass (the two chains of table
    /// look-ups overlap in the CPU); `body(which, pattern, end)` says which matcher (0 or 1) matched.
    public static func forEachMatch(
        _ first: PatternMatcher, in firstText: [UInt8], and second: PatternMatcher, in secondText: [UInt8],
        _ body: (_ which: Int, _ pattern: Int, _ end: Int) -> Void
    ) {
        let (firstHits, secondHits) = states(first, in: firstText, and: second, in: secondText)
        first.report(firstHits) { body(0, $0, $1) }
        second.report(secondHits) { body(1, $0, $1) }
    }

    /// Every occurrence found by ``forEachMatch(_:in:and:in:_:)``, in the order it reports them,
    /// as an array: for callers whose work per match is better done in a plain loop than in a
    /// closure (one that captures a large value copies it).
    public static func matches(
        _ first: PatternMatcher, in firstText: [UInt8], and second: PatternMatcher, in secondText: [UInt8]
    ) -> [PatternHit] {
        var buffers = MatchBuffers()
        matches(first, in: firstText, and: second, in: secondText, into: &buffers)
        return buffers.hits
    }

    /// ``matches(_:in:and:in:)`` into `buffers.hits`, reusing the storage of `buffers` (kept
    /// from one text to the next, so scanning many short texts does not allocate).
    public static func matches(
        _ first: PatternMatcher, in firstText: [UInt8], and second: PatternMatcher, in secondText: [UInt8],
        into buffers: inout MatchBuffers
    ) {
        buffers.hits.removeAll(keepingCapacity: true)
        first.withTables { firstTables in
            second.withTables { secondTables in
                firstText.withUnsafeBufferPointer { firstBytes in
                    secondText.withUnsafeBufferPointer { secondBytes in
                        scan(firstBytes, firstTables, secondBytes, secondTables, into: &buffers)
                    }
                }
            }
        }
        if buffers.firstCount == 0 && buffers.secondCount == 0 { return }
        buffers.hits.reserveCapacity((buffers.firstCount + buffers.secondCount) / 2 + 8)
        first.append(buffers.noted(by: 0), matcher: 0, to: &buffers.hits)
        second.append(buffers.noted(by: 1), matcher: 1, to: &buffers.hits)
    }

    /// The scan of ``matches(_:in:and:in:into:)`` over the folded stream of `analysis` with
    /// `first` and its stems with `second`, without the list of matches: `buffers` holds the
    /// states with outputs that each stream reached (``MatchBuffers/noted(by:)``), for callers
    /// that read the matches from them in a plain loop; `buffers.hits` is left empty. For each
    /// matcher in turn, the noted states and, for each, ``outputs(ofNoted:)`` in order give the
    /// matches in the order ``forEachMatch(_:in:and:in:_:)`` reports them.
    public static func noteStates(
        _ first: PatternMatcher, and second: PatternMatcher, in analysis: AnalyzedText, into buffers: inout MatchBuffers
    ) {
        buffers.hits.removeAll(keepingCapacity: true)
        first.withTables { firstTables in
            second.withTables { secondTables in
                analysis.withStreams { folded, stems in
                    scan(folded, firstTables, stems, secondTables, into: &buffers)
                }
            }
        }
    }

    /// ``noteStates(_:and:in:into:)`` for two analyses at once: the same notes in each one's
    /// buffers, found faster (the scan follows four chains of look-ups side by side).
    public static func noteStates(
        _ first: PatternMatcher, and second: PatternMatcher,
        in one: AnalyzedText, into oneBuffers: inout MatchBuffers, and other: AnalyzedText, into otherBuffers: inout MatchBuffers
    ) {
        oneBuffers.hits.removeAll(keepingCapacity: true)
        otherBuffers.hits.removeAll(keepingCapacity: true)
        first.withTables { firstTables in
            second.withTables { secondTables in
                one.withStreams { oneFolded, oneStems in
                    other.withStreams { otherFolded, otherStems in
                        scan((oneFolded, oneStems), into: &oneBuffers, (otherFolded, otherStems), into: &otherBuffers,
                             firstTables, secondTables)
                    }
                }
            }
        }
    }

    /// The (state, end) pairs of both texts' states with outputs.
    private static func states(
        _ first: PatternMatcher, in firstText: [UInt8], and second: PatternMatcher, in secondText: [UInt8]
    ) -> ([Int], [Int]) {
        var buffers = MatchBuffers()
        first.withTables { firstTables in
            second.withTables { secondTables in
                firstText.withUnsafeBufferPointer { firstBytes in
                    secondText.withUnsafeBufferPointer { secondBytes in
                        scan(firstBytes, firstTables, secondBytes, secondTables, into: &buffers)
                    }
                }
            }
        }
        return (Array(buffers.noted(by: 0)), Array(buffers.noted(by: 1)))
    }

    /// Appends the matches of the (state, end) pairs `hits` as ``report(_:_:)`` gives them.
    private func append(_ hits: ArraySlice<Int>, matcher: Int, to matches: inout [PatternHit]) {
        var index = hits.startIndex
        while index < hits.endIndex {
            let state = stateNumber(hits[index])
            for output in Int(outputStart[state])..<Int(outputStart[state + 1]) {
                matches.append(PatternHit(matcher: matcher, pattern: Int(outputs[output]), end: hits[index + 1]))
            }
            index += 2
        }
    }

    func withTables<Result>(_ body: (Tables) -> Result) -> Result {
        byteClass.withUnsafeBufferPointer { classes in
            body(Tables(transitions: transitions, classes: classes.baseAddress!, firstOutput: firstOutput))
        }
    }

    /// What the scan reads of one automaton.
    struct Tables {
        let transitions: TransitionTable
        let classes: UnsafePointer<UInt16>
        let firstOutput: Int
    }

    private func report(_ hits: [Int], _ body: (Int, Int) -> Void) {
        var index = 0
        while index < hits.count {
            let state = stateNumber(hits[index])
            for output in Int(outputStart[state])..<Int(outputStart[state + 1]) {
                body(Int(outputs[output]), hits[index + 1])
            }
            index += 2
        }
    }
}

/// Builds the trie, then the failure links and the full transition table.
private struct TrieBuilder {
    /// The trie as flat arrays: each state's first child, the next child of its parent, the
    /// byte that leads to it, and the patterns that end in it.
    private var firstChild: [Int32] = [-1]
    private var nextSibling: [Int32] = [-1]
    private var label: [UInt8] = [0]
    private var own: [[Int32]] = [[]]

    private var count: Int { label.count }

    /// The child of `state` reached by `byte`, if there is one.
    private func child(of state: Int32, _ byte: UInt8) -> Int32? {
        var candidate = firstChild[Int(state)]
        while candidate >= 0 {
            if label[Int(candidate)] == byte { return candidate }
            candidate = nextSibling[Int(candidate)]
        }
        return nil
    }

    mutating func insert(_ pattern: [UInt8], id: Int32) {
        var state: Int32 = 0
        for byte in pattern {
            if let next = child(of: state, byte) {
                state = next
            } else {
                let next = Int32(count)
                firstChild.append(-1)
                nextSibling.append(firstChild[Int(state)])
                label.append(byte)
                own.append([])
                firstChild[Int(state)] = next
                state = next
            }
        }
        own[Int(state)].append(id)
    }

    /// Calls `body` with each child of `state` and the byte that leads to it.
    private func forEachChild(of state: Int, _ body: (UInt8, Int32) -> Void) {
        var candidate = firstChild[state]
        while candidate >= 0 {
            body(label[Int(candidate)], candidate)
            candidate = nextSibling[Int(candidate)]
        }
    }

    struct Automaton {
        var stateCount: Int
        var byteClass: [UInt16]
        var classCount: Int
        /// The next state's number, by state and byte class (`classCount` entries a state).
        var transitions: [Int32]
        /// The number of the first state with outputs (they are numbered last).
        var firstOutput: Int
        var outputStart: [Int32]
        var outputs: [Int32]
    }

    func compile() -> Automaton {
        let (byteClass, classCount) = classes()
        let count = self.count
        var table = [Int32](repeating: 0, count: count * classCount)
        var fail = [Int32](repeating: 0, count: count)
        var merged = own
        var order: [Int32] = []
        order.reserveCapacity(count)
        table.withUnsafeMutableBufferPointer { table in
            let rows = table.baseAddress!
            forEachChild(of: 0) { byte, child in
                rows[Int(byteClass[Int(byte)])] = child
                order.append(child)
            }
            var head = 0
            while head < order.count {
                let state = Int(order[head])
                head += 1
                let failState = Int(fail[state])
                if !merged[failState].isEmpty { merged[state] += merged[failState] }
                let row = rows + state * classCount
                let failRow = rows + failState * classCount
                row.update(from: failRow, count: classCount)
                forEachChild(of: state) { byte, child in
                    let cls = Int(byteClass[Int(byte)])
                    fail[Int(child)] = failRow[cls]
                    row[cls] = child
                    order.append(child)
                }
            }
        }
        // Renumber states breadth-first, so the shallow states that most bytes visit sit
        // together at the front of the table and stay in cache; those with outputs go last, so
        // that the scan tells them by one comparison.
        let breadthFirst = [Int32(0)] + order
        let byNewNumber = breadthFirst.filter { merged[Int($0)].isEmpty } + breadthFirst.filter { !merged[Int($0)].isEmpty }
        var renumbered = [Int32](repeating: 0, count: count)
        for (index, state) in byNewNumber.enumerated() { renumbered[Int(state)] = Int32(index) }
        let firstOutput = byNewNumber.firstIndex { !merged[Int($0)].isEmpty } ?? count
        var compact = [Int32](repeating: 0, count: count * classCount)
        var outputStart: [Int32] = [0]
        outputStart.reserveCapacity(count + 1)
        var outputs: [Int32] = []
        table.withUnsafeBufferPointer { table in
            renumbered.withUnsafeBufferPointer { renumbered in
                compact.withUnsafeMutableBufferPointer { compact in
                    for (newState, oldState) in byNewNumber.enumerated() {
                        outputs += merged[Int(oldState)]
                        outputStart.append(Int32(outputs.count))
                        let from = Int(oldState) * classCount
                        let to = newState * classCount
                        for cls in 0..<classCount {
                            compact[to + cls] = renumbered[Int(table[from + cls])]
                        }
                    }
                }
            }
        }

        return Automaton(
            stateCount: count, byteClass: byteClass, classCount: classCount,
            transitions: compact, firstOutput: firstOutput, outputStart: outputStart, outputs: outputs)
    }

    /// Bytes that occur in some pattern get a class each; all others share class 0.
    private func classes() -> ([UInt16], Int) {
        var used = [Bool](repeating: false, count: 256)
        for byte in label.dropFirst() { used[Int(byte)] = true }
        var byteClass = [UInt16](repeating: 0, count: 256)
        var next = 1
        for byte in 0..<256 where used[byte] {
            byteClass[byte] = UInt16(next)
            next += 1
        }
        return (byteClass, next)
    }
}
