import Intake

/// What a parser made of a connection's bytes: the requests, then the failure if any.
private struct Reading: Equatable {
    var requests: [HTTPRequest] = []
    var failure: HTTPFramingError?
}

/// Feeds `bytes` to a fresh parser in pieces of the given sizes (the rest in one piece) and
/// takes every request it yields.
private func read(_ bytes: ArraySlice<UInt8>, pieces: [Int]) -> Reading {
    var parser = HTTPRequestParser(limits: HTTPLimits(maxBody: 1 << 20))
    var reading = Reading()
    var offset = bytes.startIndex
    var sizes = pieces[...]
    while offset < bytes.endIndex {
        let size = sizes.popFirst() ?? bytes.count
        let end = min(bytes.endIndex, offset + max(1, size))
        parser.append(bytes[offset..<end])
        offset = end
        loop: while true {
            switch parser.next() {
            case .request(let request): reading.requests.append(request)
            case .continueExpected: continue
            case .needMore: break loop
            case .failure(let error):
                reading.failure = error
                return reading
            }
        }
    }
    return reading
}

/// Fuzz target: the webhook server's HTTP/1.1 request parser. The first byte seeds how the
/// rest is cut into the pieces a connection would deliver; the requests and the failure must
/// not depend on the cuts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTP(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let seed = bytes.first else { return 0 }
    let input = bytes[1...]
    var pieces: [Int] = []
    var state = UInt32(seed) | 1
    for _ in 0..<64 {
        state = state &* 1_103_515_245 &+ 12_345
        pieces.append(Int(state >> 16) % 97 + 1)
    }
    let whole = read(input, pieces: [])
    let cut = read(input, pieces: pieces)
    precondition(whole == cut, "the parse depends on how the bytes arrive: \(whole) vs \(cut)")
    return 0
}
