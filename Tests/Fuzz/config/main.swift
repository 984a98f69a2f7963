import Routing

/// Fuzz target: `routing.conf` parsing and validation of arbitrary bytes; a configuration
/// that parses is also compiled into a router and asked one question.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (config, diagnostics) = ConfigParser.parse(bytes: bytes, path: "fuzz.conf")
    _ = diagnostics.map(\.description)
    if let config {
        _ = Router(config: config).route(subject: "lantaarnpaal", text: "de stoeptegel ligt los in 2221AB")
    }
    return 0
}
