/// Reads HTTP/1.1 requests from a connection's bytes, strictly after RFC 9112.
///
/// Feed it what arrives with ``append(_:)`` and take requests with ``next()``, one at a time,
/// in order (pipelined requests wait in the buffer). It refuses what could be read two ways
/// (request smuggling): `Content-Length` with `Transfer-Encoding`, differing or malformed
/// lengths, `chunked` that is not the final coding, bad chunk sizes, obs-fold, white space
/// before a colon, bare CR or LF, a missing or repeated `Host`. After a failure it stays failed:
/// answer the error and close the connection.
public struct HTTPRequestParser: Sendable {
    /// Where the parser is in the current request, for the timeouts.
    public enum Phase: Sendable, Equatable {
        /// Between requests: nothing buffered.
        case idle
        /// Reading the request line and header section.
        case head
        /// Reading the body.
        case body
    }

    /// What ``next()`` found.
    public enum Event: Sendable, Equatable {
        /// A complete request.
        case request(HTTPRequest)
        /// The request is not complete yet.
        case needMore
        /// The header section asked for `100 Continue` before the body is sent.
        case continueExpected
        /// The bytes break the framing rules.
        case failure(HTTPFramingError)
    }

    private enum State: Sendable {
        case head
        case body(HTTPHead, length: Int)
        case chunked(HTTPHead, ChunkedBody)
        case failed(HTTPFramingError)
    }

    /// The limits requests are held to.
    public let limits: HTTPLimits
    private var buffer: [UInt8] = []
    private var scan = HeadScan()
    private var state = State.head
    private var continuePending = false

    /// A parser for one connection.
    public init(limits: HTTPLimits) {
        self.limits = limits
    }

    /// Adds bytes received on the connection.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Bytes received and not yet consumed by a request.
    public var bufferedCount: Int { buffer.count }

    /// Where the current request is.
    public var phase: Phase {
        switch state {
        case .head: buffer.isEmpty ? .idle : .head
        case .body, .chunked: .body
        case .failed: .head
        }
    }

    /// The next request, or what stands in its way.
    public mutating func next() -> Event {
        if case .failed(let error) = state { return .failure(error) }
        if case .head = state {
            switch scanHead() {
            case .failure(let error): return fail(error)
            case .needMore: return .needMore
            case .done(let end):
                let head: HTTPHead
                do {
                    head = try HTTPHead.parse(buffer, lines: scan.lines, limits: limits)
                } catch {
                    return fail(error)
                }
                buffer.removeSubrange(0..<end)
                scan = HeadScan()
                switch head.framing {
                case .length(let length): state = .body(head, length: length)
                case .chunked: state = .chunked(head, ChunkedBody(limits: limits))
                }
                continuePending = head.expectsContinue
            }
        }
        switch state {
        case .body(let head, let length):
            guard buffer.count >= length else { return waitForBody() }
            let body = Array(buffer[0..<length])
            buffer.removeSubrange(0..<length)
            return finish(head, body: body)
        case .chunked(let head, var chunks):
            state = .head  // drop the state's copy, so the body grows in place and is not copied per call
            let result = chunks.read(buffer)
            state = .chunked(head, chunks)
            switch result {
            case .failure(let error): return fail(error)
            case .needMore: return waitForBody()
            case .done(let consumed):
                buffer.removeSubrange(0..<consumed)
                return finish(head, body: chunks.body)
            }
        case .head, .failed:
            return .needMore
        }
    }

    private mutating func waitForBody() -> Event {
        if continuePending {
            continuePending = false
            return .continueExpected
        }
        return .needMore
    }

    private mutating func finish(_ head: HTTPHead, body: [UInt8]) -> Event {
        state = .head
        continuePending = false
        return .request(HTTPRequest(method: head.method, target: head.target, minorVersion: head.minorVersion,
                                    headers: head.headers, body: body))
    }

    private mutating func fail(_ error: HTTPFramingError) -> Event {
        state = .failed(error)
        return .failure(error)
    }

    /// Progress through the header section, kept between calls.
    struct HeadScan: Sendable {
        /// The next byte to look at.
        var position = 0
        /// Where the current line starts.
        var lineStart = 0
        /// The lines found so far (without CRLF); the first is the request line.
        var lines: [Range<Int>] = []
    }

    private enum ScanResult {
        case needMore
        case done(end: Int)
        case failure(HTTPFramingError)
    }

    /// Finds the end of the header section, checking line endings and limits on the way.
    private mutating func scanHead() -> ScanResult {
        // Empty lines before the request line are skipped (RFC 9112, section 2.2).
        if scan.lines.isEmpty && scan.position == 0 {
            var skip = 0
            while skip + 1 < buffer.count, buffer[skip] == 0x0D, buffer[skip + 1] == 0x0A { skip += 2 }
            if skip > 0 { buffer.removeSubrange(0..<skip) }
        }
        let limits = self.limits
        var scan = self.scan
        defer { self.scan = scan }
        if scan.lines.isEmpty { scan.lines.reserveCapacity(16) }
        // Where the current line would break a size limit; checked per byte with no copies.
        func bound(_ scan: HeadScan) -> Int {
            scan.lines.first.map { $0.upperBound + 2 + limits.maxHeaderBytes } ?? scan.lineStart + limits.maxRequestLine
        }
        var limit = bound(scan)
        return buffer.withUnsafeBufferPointer { bytes -> ScanResult in
            while scan.position < bytes.count {
                // Bytes above CR end no line: only the size limit applies to them.
                var position = scan.position
                while position < bytes.count && bytes[position] > 0x0D && position < limit { position += 1 }
                scan.position = position
                guard position < bytes.count else { break }
                let index = scan.position
                let byte = bytes[index]
                if byte == 0x0D {
                    guard index + 1 < bytes.count else { return Self.checkLimits(scan, at: index, limits) ?? .needMore }
                    guard bytes[index + 1] == 0x0A else { return .failure(.bad("bare CR in the header section")) }
                    let line = scan.lineStart..<index
                    scan.position = index + 2
                    scan.lineStart = index + 2
                    if line.isEmpty && !scan.lines.isEmpty { return .done(end: index + 2) }
                    scan.lines.append(line)
                    if let failure = Self.checkLimits(scan, at: index, limits) { return failure }
                    limit = bound(scan)
                    continue
                }
                if byte == 0x0A { return .failure(.bad("line ends in LF without CR")) }
                scan.position += 1
                if scan.position > limit, let failure = Self.checkLimits(scan, at: scan.position, limits) { return failure }
            }
            return .needMore
        }
    }

    private static func checkLimits(_ scan: HeadScan, at index: Int, _ limits: HTTPLimits) -> ScanResult? {
        guard let requestLine = scan.lines.first else {
            if index - scan.lineStart > limits.maxRequestLine {
                return .failure(HTTPFramingError(status: 414, label: "request-line-too-long",
                                                 detail: "request line longer than \(limits.maxRequestLine) bytes"))
            }
            return nil
        }
        if requestLine.count > limits.maxRequestLine {
            return .failure(HTTPFramingError(status: 414, label: "request-line-too-long",
                                             detail: "request line longer than \(limits.maxRequestLine) bytes"))
        }
        if index - requestLine.upperBound - 2 > limits.maxHeaderBytes {
            return .failure(HTTPFramingError(status: 431, label: "header-too-large",
                                             detail: "header section larger than \(limits.maxHeaderBytes) bytes"))
        }
        if scan.lines.count - 1 > limits.maxHeaderFields {
            return .failure(HTTPFramingError(status: 431, label: "header-too-large",
                                             detail: "more than \(limits.maxHeaderFields) header fields"))
        }
        return nil
    }
}
