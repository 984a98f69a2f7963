import CCurl

/// Request header lines as libcurl takes them (`CURLOPT_HTTPHEADER`): a `curl_slist` chain
/// laid out in memory this list owns and reuses, so that a request allocates nothing for its
/// headers. libcurl only reads the chain during a transfer and never frees it.
///
/// Not shareable: each ``CurlSession`` owns one.
final class HeaderList {
    private var text: UnsafeMutablePointer<CChar>
    private var textCapacity: Int
    private var nodes: UnsafeMutablePointer<curl_slist>
    private var nodeCapacity: Int

    init() {
        textCapacity = 1024
        text = .allocate(capacity: textCapacity)
        nodeCapacity = 16
        nodes = .allocate(capacity: nodeCapacity)
    }

    deinit {
        text.deallocate()
        nodes.deallocate()
    }

    /// The chain of `lines` followed by `extra`, each as a C string; valid until the next call.
    /// A line is cut at a NUL byte, as `curl_slist_append` would cut it.
    func chain(_ lines: [String], _ extra: StaticString) -> UnsafeMutablePointer<curl_slist> {
        let count = lines.count + 1
        let size = lines.reduce(extra.utf8CodeUnitCount + 1) { $0 + $1.utf8.count + 1 }
        if size > textCapacity {
            text.deallocate()
            textCapacity = max(size, 2 * textCapacity)
            text = .allocate(capacity: textCapacity)
        }
        if count > nodeCapacity {
            nodes.deallocate()
            nodeCapacity = max(count, 2 * nodeCapacity)
            nodes = .allocate(capacity: nodeCapacity)
        }
        var offset = 0
        func add(_ bytes: UnsafeBufferPointer<UInt8>, node: Int) {
            let start = text + offset
            bytes.withMemoryRebound(to: CChar.self) { source in
                if let base = source.baseAddress { start.update(from: base, count: source.count) }
            }
            start[bytes.count] = 0
            offset += bytes.count + 1
            nodes[node] = curl_slist(data: start, next: node + 1 < count ? nodes + node + 1 : nil)
        }
        for (index, line) in lines.enumerated() {
            var line = line
            line.withUTF8 { add($0, node: index) }
        }
        extra.withUTF8Buffer { add($0, node: count - 1) }
        return nodes
    }
}
