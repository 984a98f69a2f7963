import Intake
import Messages

/// Fuzz target: the call normalizer with every transcript kind and a sidecar.
///
/// The first byte picks the kind (and whether there is a sidecar); a NUL byte, when there
/// is one, separates the transcript from the sidecar JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCall(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let selector = bytes.first else { return 0 }
    let kinds: [InputKind] = [.callWhisper, .callVTT, .callSRT, .callText]
    let kind = kinds[Int(selector) % kinds.count]
    var transcript = Array(bytes.dropFirst())
    var sidecar: [UInt8]?
    if selector & 0x80 != 0, let split = transcript.firstIndex(of: 0) {
        sidecar = Array(transcript[(split + 1)...])
        transcript = Array(transcript[..<split])
    }
    let source = SourceReference(name: "fuzz", ref: "call")
    _ = try? CallNormalizer.normalize(transcript, kind: kind, sidecar: sidecar, source: source)
    // The same bytes as a drop file of each name the directory could hold.
    _ = InputKind.detect(fileName: "call.txt", bytes: bytes)
    _ = InputKind.detect(fileName: "call.json", bytes: bytes)
    return 0
}
