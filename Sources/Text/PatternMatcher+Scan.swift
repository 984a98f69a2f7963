extension PatternMatcher {
    /// Scans both texts, noting the (state, end) pairs of the states with outputs in `buffers`
    /// (``MatchBuffers/noted(by:)``), whose storage is first made large enough for a note at
    /// every byte.
    static func scan(
        _ first: UnsafeBufferPointer<UInt8>, _ firstTables: Tables,
        _ second: UnsafeBufferPointer<UInt8>, _ secondTables: Tables,
        into buffers: inout MatchBuffers
    ) {
        let counts = buffers.withRoom(first.count, second.count) { firstHits, secondHits in
            var firstChain = Chain(first, firstTables, hits: firstHits)
            var secondChain = Chain(second, secondTables, hits: secondHits)
            // One loop for each pair of layouts, each compiled with its look-ups inline.
            switch (firstTables.transitions.isNarrow, secondTables.transitions.isNarrow) {
            case (true, true): run(&firstChain, firstTables.transitions.narrow, &secondChain, secondTables.transitions.narrow)
            case (true, false): run(&firstChain, firstTables.transitions.narrow, &secondChain, secondTables.transitions.wide)
            case (false, true): run(&firstChain, firstTables.transitions.wide, &secondChain, secondTables.transitions.narrow)
            case (false, false): run(&firstChain, firstTables.transitions.wide, &secondChain, secondTables.transitions.wide)
            }
            return (firstChain.notes, secondChain.notes)
        }
        buffers.noted(counts)
    }

    /// ``scan(_:_:_:_:into:)`` of two messages at once (the first and second texts of each,
    /// noted into each one's buffers): four chains of look-ups in one loop, so that while one
    /// waits on memory the others go on.
    static func scan(
        _ one: (first: UnsafeBufferPointer<UInt8>, second: UnsafeBufferPointer<UInt8>), into oneBuffers: inout MatchBuffers,
        _ other: (first: UnsafeBufferPointer<UInt8>, second: UnsafeBufferPointer<UInt8>), into otherBuffers: inout MatchBuffers,
        _ firstTables: Tables, _ secondTables: Tables
    ) {
        let (oneCounts, otherCounts) = oneBuffers.withRoom(one.first.count, one.second.count) { oneFirstHits, oneSecondHits in
            otherBuffers.withRoom(other.first.count, other.second.count) { otherFirstHits, otherSecondHits in
                var chains = (
                    Chain(one.first, firstTables, hits: oneFirstHits), Chain(one.second, secondTables, hits: oneSecondHits),
                    Chain(other.first, firstTables, hits: otherFirstHits), Chain(other.second, secondTables, hits: otherSecondHits))
                switch (firstTables.transitions.isNarrow, secondTables.transitions.isNarrow) {
                case (true, true): run(&chains, firstTables.transitions.narrow, secondTables.transitions.narrow)
                case (true, false): run(&chains, firstTables.transitions.narrow, secondTables.transitions.wide)
                case (false, true): run(&chains, firstTables.transitions.wide, secondTables.transitions.narrow)
                case (false, false): run(&chains, firstTables.transitions.wide, secondTables.transitions.wide)
                }
                return ((chains.0.notes, chains.1.notes), (chains.2.notes, chains.3.notes))
            }
        }
        oneBuffers.noted(oneCounts)
        otherBuffers.noted(otherCounts)
    }

    /// The hot loop: one table look-up per byte of each text, the two chains of look-ups side
    /// by side, then the longer text's rest alone.
    @inline(never)
    private static func run<FirstRows: TransitionRows, SecondRows: TransitionRows>(
        _ first: inout Chain, _ firstTable: FirstRows, _ second: inout Chain, _ secondTable: SecondRows
    ) {
        for _ in 0..<min(first.remaining, second.remaining) {
            first.step(firstTable)
            second.step(secondTable)
        }
        while first.remaining > 0 { first.step(firstTable) }
        while second.remaining > 0 { second.step(secondTable) }
    }

    /// Four chains side by side (two messages' first and second texts), then each message's rest.
    @inline(never)
    private static func run<FirstRows: TransitionRows, SecondRows: TransitionRows>(
        _ chains: inout (Chain, Chain, Chain, Chain), _ firstTable: FirstRows, _ secondTable: SecondRows
    ) {
        let together = min(min(chains.0.remaining, chains.1.remaining), min(chains.2.remaining, chains.3.remaining))
        for _ in 0..<together {
            chains.0.step(firstTable)
            chains.1.step(secondTable)
            chains.2.step(firstTable)
            chains.3.step(secondTable)
        }
        run(&chains.0, firstTable, &chains.1, secondTable)
        run(&chains.2, firstTable, &chains.3, secondTable)
    }

    /// One text being scanned: its bytes and its automaton's byte classes and first state with
    /// outputs, where the scan is, and its notes so far, in room for one at every byte (so that
    /// the loop calls nothing and keeps its state in registers).
    struct Chain {
        let bytes: UnsafeBufferPointer<UInt8>
        let classes: UnsafePointer<UInt16>
        let firstOutput: Int
        let hits: UnsafeMutablePointer<Int>
        var state = 0
        var offset = 0
        var notes = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>, _ tables: Tables, hits: UnsafeMutablePointer<Int>) {
            self.bytes = bytes
            classes = tables.classes
            firstOutput = tables.firstOutput
            self.hits = hits
        }

        var remaining: Int { bytes.count &- offset }

        /// Reads one byte; notes the state and the offset after the byte when it has outputs.
        @inline(__always)
        mutating func step<Rows: TransitionRows>(_ table: Rows) {
            state = table.next(state, Int(classes[Int(bytes[offset])]))
            offset &+= 1
            if state >= firstOutput {
                hits[notes] = state
                hits[notes &+ 1] = offset
                notes &+= 2
            }
        }
    }
}

extension MatchBuffers {
    /// Makes room for a note at every byte of texts of `firstCount` and `secondCount` bytes,
    /// and calls `body` with it.
    mutating func withRoom<Result>(
        _ firstCount: Int, _ secondCount: Int,
        _ body: (UnsafeMutablePointer<Int>, UnsafeMutablePointer<Int>) -> Result
    ) -> Result {
        MatchBuffers.makeRoom(&first, 2 * firstCount + 2)
        MatchBuffers.makeRoom(&second, 2 * secondCount + 2)
        return first.withUnsafeMutableBufferPointer { firstHits in
            second.withUnsafeMutableBufferPointer { secondHits in body(firstHits.baseAddress!, secondHits.baseAddress!) }
        }
    }

    /// Keeps the numbers of entries a scan wrote.
    mutating func noted(_ counts: (first: Int, second: Int)) {
        firstCount = counts.first
        secondCount = counts.second
    }
}
