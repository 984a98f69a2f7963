import Glibc
import Messages
import Routing
import Text

/// `classify --lines` without `--explain`: every line of an input routed straight from its bytes
/// (ASCII lines two at a time, through ``Router/verdicts(utf8:_:entities:reusing:_:)``) and
/// written by a ``VerdictWriter``.
struct LineClassifier {
    private let router: Router
    private let writer: VerdictWriter
    private let json: Bool

    /// A classifier writing JSON lines when `json` is set, else plain lines.
    init(router: Router, json: Bool) {
        self.router = router
        self.writer = VerdictWriter(config: router.config)
        self.json = json
    }

    /// Routes every line of `data` (the input called `name`) and writes one output line each.
    /// Lines end at LF, a CR before it is dropped; a final LF does not start another line (but
    /// an empty input is one empty line). ASCII lines are routed two at a time
    /// (``Router/verdicts(utf8:_:entities:reusing:_:)``), with the same output.
    func classify(_ data: [UInt8], name: String, into output: inout OutputBuffer, buffer: inout JSONWriter) {
        let inputName = json ? VerdictWriter.openInput(name) : Array(name.utf8)
        var buffers = RoutingBuffers()
        var otherBuffers = RoutingBuffers()
        data.withUnsafeBufferPointer { all in
            var lines = Lines(all)
            var waiting: (line: UnsafeBufferPointer<UInt8>, number: Int)?
            while let (line, number) = lines.next() {
                if TextAnalyzer.isASCII(line) {
                    guard let (previous, previousNumber) = waiting else {
                        waiting = (line, number)
                        continue
                    }
                    waiting = nil
                    let (one, other) = router.verdicts(utf8: previous, line, entities: json, reusing: &buffers, &otherBuffers)
                    write(one, input: inputName, line: previousNumber, into: &buffer)
                    buffers.recycle(consume one)
                    write(other, input: inputName, line: number, into: &buffer)
                    otherBuffers.recycle(consume other)
                } else {
                    if let (previous, previousNumber) = waiting {
                        waiting = nil
                        classify(previous, input: inputName, line: previousNumber, buffers: &buffers, into: &buffer)
                    }
                    // Invalid UTF-8 is read as the String would read it (U+FFFD for each bad sequence).
                    var text = String(decoding: line, as: UTF8.self)
                    text.withUTF8 { classify($0, input: inputName, line: number, buffers: &buffers, into: &buffer) }
                }
                if buffer.byteCount >= 1 << 16 {
                    output.write(buffer)
                    buffer.removeAll()
                }
            }
            if let (previous, previousNumber) = waiting {
                classify(previous, input: inputName, line: previousNumber, buffers: &buffers, into: &buffer)
            }
        }
        output.write(buffer)
        buffer.removeAll()
    }

    /// Routes one line and writes its output line.
    private func classify(
        _ line: UnsafeBufferPointer<UInt8>, input: [UInt8], line number: Int, buffers: inout RoutingBuffers, into buffer: inout JSONWriter
    ) {
        let verdict = router.verdict(utf8: line, entities: json, reusing: &buffers)
        write(verdict, input: input, line: number, into: &buffer)
        buffers.recycle(consume verdict)
    }

    private func write(_ verdict: borrowing Verdict, input: [UInt8], line number: Int, into buffer: inout JSONWriter) {
        if json {
            writer.writeJSON(verdict, input: input, line: number, into: &buffer)
        } else {
            writer.writePlain(verdict, name: input, line: number, into: &buffer)
        }
    }
}

/// The lines of an input: they end at LF, a CR before it is dropped; a final LF does not start
/// another line (but an empty input is one empty line). Each comes with its number, from 1.
private struct Lines {
    private let all: UnsafeBufferPointer<UInt8>
    private var start = 0
    private var number = 0
    private var finished = false

    init(_ all: UnsafeBufferPointer<UInt8>) {
        self.all = all
    }

    mutating func next() -> (UnsafeBufferPointer<UInt8>, Int)? {
        guard !finished else { return nil }
        var end = all.count
        if start < all.count, let base = all.baseAddress, let found = memchr(base + start, 0x0A, all.count - start) {
            end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
        number += 1
        if end == start && number > 1 && end == all.count {
            finished = true
            return nil
        }
        var lineEnd = end
        if lineEnd > start && all[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        let line = UnsafeBufferPointer(rebasing: all[start..<lineEnd])
        if end == all.count { finished = true } else { start = end + 1 }
        return (line, number)
    }
}
