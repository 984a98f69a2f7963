import Glibc
import Messages

/// Buffered writes to a file descriptor (stdout by default), flushed at 64 KiB and at the end.
struct OutputBuffer: ~Copyable {
    private var bytes: [UInt8] = []
    private let descriptor: Int32

    init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        bytes.reserveCapacity(1 << 17)
    }

    mutating func write(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ write($0) }) { return done }
        bytes.append(contentsOf: text.utf8)
        flushIfFull()
    }

    mutating func write(byte: UInt8) {
        bytes.append(byte)
        flushIfFull()
    }

    /// Appends what `json` holds.
    mutating func write(_ json: borrowing JSONWriter) {
        json.withBytes { write($0) }
    }

    mutating func write(_ source: UnsafeBufferPointer<UInt8>) {
        if source.count >= 1 << 16 {
            // A full block (as `classify --lines` hands over): written as it is, after what is
            // buffered, instead of copied into the buffer first.
            flush()
            OutputBuffer.writeAll(source, to: descriptor)
            return
        }
        bytes.append(contentsOf: source)
        flushIfFull()
    }

    mutating func flush() {
        OutputBuffer.writeAll(bytes, to: descriptor)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func flushIfFull() {
        if bytes.count >= 1 << 16 { flush() }
    }

    deinit { OutputBuffer.writeAll(bytes, to: descriptor) }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBufferPointer { writeAll($0, to: descriptor) }
    }

    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                break
            }
            offset += written
        }
    }
}

/// Writes one line to stderr, unbuffered.
func printError(_ line: String) {
    let text = line.hasSuffix("\n") ? line : line + "\n"
    _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
}
