import Intake

/// Fuzz target: WebVTT parsing of arbitrary text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWebVTT(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? WebVTT.parseDocument(text)
    return 0
}
