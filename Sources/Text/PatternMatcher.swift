/// Finds every occurrence of many byte patterns in one pass (Aho-Corasick).
///
/// All patterns compile into one deterministic automaton over byte classes, so the cost of a
/// scan grows with the length of the text and the number of matches, not with the number of
/// patterns.
public struct PatternMatcher: Sendable {
    /// Number of states in the automaton.
    public let stateCount: Int
    private let byteClass: [UInt16]
    private let classCount: Int
    /// Next state, pre-multiplied by `classCount`; the sign bit marks a state with outputs.
    private let transitions: [Int32]
    private let outputStart: [Int32]
    private let outputs: [Int32]
    private let lengths: [Int]

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
        transitions = automaton.transitions
        outputStart = automaton.outputStart
        outputs = automaton.outputs
        lengths = patterns.map(\.count)
    }

    /// The length in bytes of pattern `id`.
    public func length(of id: Int) -> Int { lengths[id] }

    /// Calls `body(pattern, end)` for every occurrence, `end` being the offset just past it.
    public func forEachMatch(in text: [UInt8], _ body: (_ pattern: Int, _ end: Int) -> Void) {
        text.withUnsafeBufferPointer { bytes in
            transitions.withUnsafeBufferPointer { table in
                byteClass.withUnsafeBufferPointer { classes in
                    var state = 0
                    for offset in 0..<bytes.count {
                        let next = table[state &+ Int(classes[Int(bytes[offset])])]
                        state = Int(next & Int32.max)
                        if next < 0 {
                            report(state: state / classCount, end: offset + 1, body)
                        }
                    }
                }
            }
        }
    }

    private func report(state: Int, end: Int, _ body: (Int, Int) -> Void) {
        for index in Int(outputStart[state])..<Int(outputStart[state + 1]) {
            body(Int(outputs[index]), end)
        }
    }
}

/// Builds the trie, then the failure links and the full transition table.
private struct TrieBuilder {
    private var children: [[UInt8: Int32]] = [[:]]
    private var own: [[Int32]] = [[]]

    mutating func insert(_ pattern: [UInt8], id: Int32) {
        var state: Int32 = 0
        for byte in pattern {
            if let next = children[Int(state)][byte] {
                state = next
            } else {
                let next = Int32(children.count)
                children.append([:])
                own.append([])
                children[Int(state)][byte] = next
                state = next
            }
        }
        own[Int(state)].append(id)
    }

    struct Automaton {
        var stateCount: Int
        var byteClass: [UInt16]
        var classCount: Int
        var transitions: [Int32]
        var outputStart: [Int32]
        var outputs: [Int32]
    }

    func compile() -> Automaton {
        let (byteClass, classCount) = classes()
        let count = children.count
        var table = [Int32](repeating: 0, count: count * classCount)
        var fail = [Int32](repeating: 0, count: count)
        var merged = own
        var order: [Int32] = []
        order.reserveCapacity(count)
        for (byte, child) in children[0] {
            table[Int(byteClass[Int(byte)])] = child
            order.append(child)
        }
        var head = 0
        while head < order.count {
            let state = Int(order[head])
            head += 1
            merged[state] += merged[Int(fail[state])]
            let base = state * classCount
            let failBase = Int(fail[state]) * classCount
            for cls in 0..<classCount { table[base + cls] = table[failBase + cls] }
            for (byte, child) in children[state] {
                let cls = Int(byteClass[Int(byte)])
                fail[Int(child)] = table[failBase + cls]
                table[base + cls] = child
                order.append(child)
            }
        }
        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        for state in 0..<count {
            outputs += merged[state]
            outputStart.append(Int32(outputs.count))
        }
        for index in table.indices {
            let next = Int(table[index])
            var encoded = Int32(next * classCount)
            if !merged[next].isEmpty { encoded |= Int32.min }
            table[index] = encoded
        }
        return Automaton(
            stateCount: count, byteClass: byteClass, classCount: classCount,
            transitions: table, outputStart: outputStart, outputs: outputs)
    }

    /// Bytes that occur in some pattern get a class each; all others share class 0.
    private func classes() -> ([UInt16], Int) {
        var used = [Bool](repeating: false, count: 256)
        for node in children { for byte in node.keys { used[Int(byte)] = true } }
        var byteClass = [UInt16](repeating: 0, count: 256)
        var next = 1
        for byte in 0..<256 where used[byte] {
            byteClass[byte] = UInt16(next)
            next += 1
        }
        return (byteClass, next)
    }
}
