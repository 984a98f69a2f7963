/// Decodes a chunked body (RFC 9112, section 7.1) from the bytes after the header section.
///
/// Chunk sizes must be hexadecimal digits that fit in 60 bits; extensions are allowed and
/// ignored; every line must end in CRLF; trailer fields are checked like header fields and
/// dropped. The decoded body may not pass the body limit.
struct ChunkedBody: Sendable {
    enum Result {
        case needMore
        /// The body is complete; `consumed` bytes of the buffer belonged to it.
        case done(consumed: Int)
        case failure(HTTPFramingError)
    }

    private enum Step: Sendable {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailer(fields: Int, bytes: Int)
    }

    /// The longest chunk-size line, extensions included.
    static let maxSizeLine = 4096

    private let limits: HTTPLimits
    private var step = Step.size
    private var position = 0
    /// The decoded body so far.
    private(set) var body: [UInt8] = []

    init(limits: HTTPLimits) {
        self.limits = limits
    }

    /// Reads on from where the last call stopped; `buffer` holds everything after the head.
    mutating func read(_ buffer: [UInt8]) -> Result {
        while true {
            switch step {
            case .size:
                guard let end = lineEnd(buffer) else {
                    if let failure = lineFailure(buffer) { return .failure(failure) }
                    if buffer.count - position > Self.maxSizeLine { return .failure(.bad("chunk size line too long")) }
                    return .needMore
                }
                let size: Int
                switch Self.size(buffer[position..<end]) {
                case .success(let value): size = value
                case .failure(let error): return .failure(error)
                }
                position = end + 2
                if size == 0 {
                    step = .trailer(fields: 0, bytes: 0)
                } else {
                    if body.count + size > limits.maxBody {
                        return .failure(HTTPFramingError(status: 413, label: "too-large",
                                                         detail: "body larger than \(limits.maxBody) bytes"))
                    }
                    step = .data(remaining: size)
                }
            case .data(let remaining):
                let available = min(remaining, buffer.count - position)
                guard available > 0 else { return .needMore }
                body.append(contentsOf: buffer[position..<(position + available)])
                position += available
                step = available == remaining ? .dataEnd : .data(remaining: remaining - available)
            case .dataEnd:
                guard buffer.count - position >= 2 else { return .needMore }
                guard buffer[position] == 0x0D, buffer[position + 1] == 0x0A else {
                    return .failure(.bad("chunk data not followed by CRLF"))
                }
                position += 2
                step = .size
            case .trailer(let fields, let bytes):
                guard let end = lineEnd(buffer) else {
                    if let failure = lineFailure(buffer) { return .failure(failure) }
                    if bytes + buffer.count - position > limits.maxHeaderBytes { return .failure(Self.trailerTooLarge(limits)) }
                    return .needMore
                }
                let line = buffer[position..<end]
                position = end + 2
                if line.isEmpty { return .done(consumed: position) }
                if let failure = Self.checkTrailer(line) { return .failure(failure) }
                let total = bytes + line.count + 2
                if fields + 1 > limits.maxHeaderFields || total > limits.maxHeaderBytes {
                    return .failure(Self.trailerTooLarge(limits))
                }
                step = .trailer(fields: fields + 1, bytes: total)
            }
        }
    }

    /// The index of the CR of the next CRLF from `position`, if the line is complete.
    private func lineEnd(_ buffer: [UInt8]) -> Int? {
        var index = position
        while index + 1 < buffer.count {
            if buffer[index] == 0x0D { return buffer[index + 1] == 0x0A ? index : nil }
            if buffer[index] == 0x0A { return nil }
            index += 1
        }
        return nil
    }

    /// A bare CR or LF in the unfinished line.
    private func lineFailure(_ buffer: [UInt8]) -> HTTPFramingError? {
        var index = position
        while index < buffer.count {
            if buffer[index] == 0x0A { return .bad("line ends in LF without CR in the chunked body") }
            if buffer[index] == 0x0D {
                if index + 1 < buffer.count && buffer[index + 1] != 0x0A { return .bad("bare CR in the chunked body") }
                return nil
            }
            index += 1
        }
        return nil
    }

    private enum SizeResult {
        case success(Int)
        case failure(HTTPFramingError)
    }

    /// `1*HEXDIG [ BWS ";" chunk-ext ]`; at most 15 significant digits.
    private static func size(_ line: ArraySlice<UInt8>) -> SizeResult {
        let digits = line.prefix(while: isHexDigit)
        guard !digits.isEmpty else { return .failure(.bad("malformed chunk size")) }
        let significant = digits.drop { $0 == UInt8(ascii: "0") }
        guard significant.count <= 15 else { return .failure(.bad("chunk size overflows")) }
        var rest = line[digits.endIndex...]
        while let first = rest.first, first == 0x20 || first == 0x09 { rest = rest.dropFirst() }
        if let first = rest.first {
            guard first == UInt8(ascii: ";"), rest.allSatisfy({ $0 == 0x09 || $0 >= 0x20 && $0 != 0x7F }) else {
                return .failure(.bad("malformed chunk size"))
            }
        }
        var value = 0
        for byte in significant {
            let digit = isDigit(byte) ? Int(byte - UInt8(ascii: "0")) : Int((byte | 0x20) - UInt8(ascii: "a")) + 10
            value = value << 4 | digit
        }
        return .success(value)
    }

    private static func checkTrailer(_ line: ArraySlice<UInt8>) -> HTTPFramingError? {
        guard let first = line.first, first != 0x20, first != 0x09 else { return .bad("obsolete line folding in the trailer") }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return .bad("trailer field without a colon") }
        let name = line[line.startIndex..<colon]
        if let last = name.last, last == 0x20 || last == 0x09 { return .bad("white space before the colon of a trailer field") }
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else { return .bad("malformed trailer field name") }
        return nil
    }

    private static func trailerTooLarge(_ limits: HTTPLimits) -> HTTPFramingError {
        HTTPFramingError(status: 431, label: "header-too-large", detail: "trailer section too large")
    }
}
