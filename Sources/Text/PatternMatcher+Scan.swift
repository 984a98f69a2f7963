extension PatternMatcher {
    /// Scans both texts, noting the (state, end) pairs of the states with outputs in `buffers`
    /// (``MatchBuffers/noted(by:)``), whose storage is first made large enough for a note at
    /// every byte.
    static func scan(
        _ first: UnsafeBufferPointer<UInt8>, _ firstTables: Tables,
        _ second: UnsafeBufferPointer<UInt8>, _ secondTables: Tables,
        into buffers: inout MatchBuffers
    ) {
        MatchBuffers.makeRoom(&buffers.first, 2 * first.count + 2)
        MatchBuffers.makeRoom(&buffers.second, 2 * second.count + 2)
        let counts = buffers.first.withUnsafeMutableBufferPointer { firstHits in
            buffers.second.withUnsafeMutableBufferPointer { secondHits in
                let firstText = Text(bytes: first, classes: firstTables.classes, firstOutput: firstTables.firstOutput, hits: firstHits.baseAddress!)
                let secondText = Text(bytes: second, classes: secondTables.classes, firstOutput: secondTables.firstOutput, hits: secondHits.baseAddress!)
                // One loop for each pair of layouts, each compiled with its look-ups inline.
                switch (firstTables.transitions.isNarrow, secondTables.transitions.isNarrow) {
                case (true, true): return scan(firstText, firstTables.transitions.narrow, secondText, secondTables.transitions.narrow)
                case (true, false): return scan(firstText, firstTables.transitions.narrow, secondText, secondTables.transitions.wide)
                case (false, true): return scan(firstText, firstTables.transitions.wide, secondText, secondTables.transitions.narrow)
                case (false, false): return scan(firstText, firstTables.transitions.wide, secondText, secondTables.transitions.wide)
                }
            }
        }
        buffers.firstCount = counts.first
        buffers.secondCount = counts.second
    }

    /// The hot loop: one table look-up per byte of each text; states with outputs are noted as
    /// (state, end) pairs, into room for one at every byte, so that the loop calls nothing and
    /// keeps its state in registers. Returns the number of entries written to each.
    @inline(never)
    private static func scan<FirstRows: TransitionRows, SecondRows: TransitionRows>(
        _ firstText: Text, _ firstTable: FirstRows, _ secondText: Text, _ secondTable: SecondRows
    ) -> (first: Int, second: Int) {
        let first = firstText.bytes, firstClasses = firstText.classes, firstOutput = firstText.firstOutput
        let second = secondText.bytes, secondClasses = secondText.classes, secondOutput = secondText.firstOutput
        let firstHits = firstText.hits, secondHits = secondText.hits
        let both = min(first.count, second.count)
        var firstState = 0
        var secondState = 0
        var firstCount = 0
        var secondCount = 0
        var offset = 0
        while offset < both {
            firstState = firstTable.next(firstState, Int(firstClasses[Int(first[offset])]))
            secondState = secondTable.next(secondState, Int(secondClasses[Int(second[offset])]))
            offset &+= 1
            if firstState >= firstOutput {
                firstHits[firstCount] = firstState
                firstHits[firstCount &+ 1] = offset
                firstCount &+= 2
            }
            if secondState >= secondOutput {
                secondHits[secondCount] = secondState
                secondHits[secondCount &+ 1] = offset
                secondCount &+= 2
            }
        }
        // The longer text's rest alone.
        firstCount = finish(firstText, firstTable, state: firstState, from: offset, notes: firstCount)
        secondCount = finish(secondText, secondTable, state: secondState, from: offset, notes: secondCount)
        return (firstCount, secondCount)
    }

    /// Scans `text` on from `offset` in `state`, noting as ``scan(_:_:_:_:)`` does after the
    /// `notes` entries written so far; returns the number of entries then.
    @inline(__always)
    private static func finish<Rows: TransitionRows>(_ text: Text, _ table: Rows, state: Int, from offset: Int, notes: Int) -> Int {
        var state = state
        var count = notes
        var offset = offset
        while offset < text.bytes.count {
            state = table.next(state, Int(text.classes[Int(text.bytes[offset])]))
            offset &+= 1
            if state >= text.firstOutput {
                text.hits[count] = state
                text.hits[count &+ 1] = offset
                count &+= 2
            }
        }
        return count
    }

    /// One text of a scan: its bytes, its automaton's byte classes and first state with
    /// outputs, and the room for its notes.
    struct Text {
        let bytes: UnsafeBufferPointer<UInt8>
        let classes: UnsafePointer<UInt16>
        let firstOutput: Int
        let hits: UnsafeMutablePointer<Int>
    }
}
