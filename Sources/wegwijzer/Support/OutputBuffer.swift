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
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
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
