import Intake
import Messages

/// Fuzz target: form JSON normalization (flat forms and Open Formulieren registrations).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzForm(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = SourceReference(name: "fuzz", ref: "input.json")
    _ = try? FormNormalizer.normalize(bytes, source: source)
    return 0
}
