import Glibc
import Messages
import Routing
import Text

/// `classify --lines` without `--explain`: every line of an input routed straight from its bytes
/// through ``Router/verdict(utf8:entities:)`` and written by a ``VerdictWriter``.
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
    /// an empty input is one empty line).
    func classify(_ data: [UInt8], name: String, into output: inout OutputBuffer, buffer: inout JSONWriter) {
        let inputName = json ? VerdictWriter.openInput(name) : Array(name.utf8)
        var buffers = RoutingBuffers()
        data.withUnsafeBufferPointer { all in
            var start = 0
            var number = 0
            while true {
                var end = all.count
                if start < all.count, let base = all.baseAddress, let found = memchr(base + start, 0x0A, all.count - start) {
                    end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                }
                number += 1
                if end == start && number > 1 && end == all.count { break }
                var lineEnd = end
                if lineEnd > start && all[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = UnsafeBufferPointer(rebasing: all[start..<lineEnd])
                let verdict: Verdict
                if TextAnalyzer.isASCII(line) {
                    verdict = router.verdict(utf8: line, entities: json, reusing: &buffers)
                } else {
                    // Invalid UTF-8 is read as the String would read it (U+FFFD for each bad sequence).
                    var text = String(decoding: line, as: UTF8.self)
                    verdict = text.withUTF8 { router.verdict(utf8: $0, entities: json, reusing: &buffers) }
                }
                if json {
                    writer.writeJSON(verdict, input: inputName, line: number, into: &buffer)
                } else {
                    writer.writePlain(verdict, name: inputName, line: number, into: &buffer)
                }
                buffers.recycle(consume verdict)
                if buffer.byteCount >= 1 << 16 {
                    output.write(buffer)
                    buffer.removeAll()
                }
                if end == all.count { break }
                start = end + 1
            }
        }
        output.write(buffer)
        buffer.removeAll()
    }
}
