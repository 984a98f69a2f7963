/// Collects the first bytes of a response body for the session's write callback; the rest is
/// counted and dropped.
final class ResponseBuffer {
    private(set) var prefix: [UInt8] = []
    private(set) var total = 0
    let limit: Int

    init(limit: Int) {
        self.limit = limit
        prefix.reserveCapacity(limit)
    }

    func reset() {
        prefix.removeAll(keepingCapacity: true)
        total = 0
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        total += bytes.count
        let room = limit - prefix.count
        if room > 0 { prefix.append(contentsOf: bytes.prefix(room)) }
    }
}
