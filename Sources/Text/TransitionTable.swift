/// An automaton's transitions, laid out for the scan.
///
/// Most configurations' automata have at most 32 byte classes and 65,536 states: then each
/// state's row is 32 two-byte state numbers, one 64-byte cache line, aligned to one (narrow
/// rows), which halves the table and makes each step of the scan read one line. Larger
/// automata keep wide rows: four-byte entries that hold the next state pre-multiplied by the
/// class count.
///
/// `@unchecked Sendable`: the memory is written once, in the initializer, and only read after
/// that; `deinit` frees it when nothing can read the table any more.
final class TransitionTable: @unchecked Sendable {
    /// Whether the rows are narrow (states are their numbers) or wide (states pre-multiplied).
    let isNarrow: Bool
    private let memory: UnsafeMutableRawPointer

    /// The table of `numbers`: the next state's number, by state and class (`classCount` a row).
    init(_ numbers: [Int32], classCount: Int) {
        let states = numbers.count / max(1, classCount)
        isNarrow = classCount <= NarrowRows.width && states <= 1 << 16
        let entries = isNarrow ? states * NarrowRows.width : numbers.count
        let entrySize = isNarrow ? MemoryLayout<UInt16>.stride : MemoryLayout<Int32>.stride
        memory = .allocate(byteCount: max(1, entries) * entrySize, alignment: 64)
        numbers.withUnsafeBufferPointer { numbers in
            if isNarrow {
                let rows = memory.bindMemory(to: UInt16.self, capacity: max(1, entries))
                rows.initialize(repeating: 0, count: entries)
                for state in 0..<states {
                    for cls in 0..<classCount {
                        rows[state &* NarrowRows.width &+ cls] = UInt16(truncatingIfNeeded: numbers[state &* classCount &+ cls])
                    }
                }
            } else {
                let rows = memory.bindMemory(to: Int32.self, capacity: max(1, entries))
                for index in 0..<entries { (rows + index).initialize(to: numbers[index] &* Int32(classCount)) }
            }
        }
    }

    deinit { memory.deallocate() }

    /// The narrow rows (only when ``isNarrow``).
    var narrow: NarrowRows { NarrowRows(base: memory.assumingMemoryBound(to: UInt16.self)) }
    /// The wide rows (only when not ``isNarrow``).
    var wide: WideRows { WideRows(base: memory.assumingMemoryBound(to: Int32.self)) }
}

/// One step of an automaton: the next state from `state` on a byte of class `cls`.
protocol TransitionRows {
    func next(_ state: Int, _ cls: Int) -> Int
}

/// Rows of 32 state numbers: a state is its number.
struct NarrowRows: TransitionRows {
    static let width = 32
    let base: UnsafePointer<UInt16>

    @inline(__always)
    func next(_ state: Int, _ cls: Int) -> Int { Int(base[state &<< 5 | cls]) }
}

/// Rows of class-count entries: a state is its number times the class count.
struct WideRows: TransitionRows {
    let base: UnsafePointer<Int32>

    @inline(__always)
    func next(_ state: Int, _ cls: Int) -> Int { Int(base[state &+ cls]) }
}
