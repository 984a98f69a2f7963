import Foundation
import Routing

/// The shipped configuration, compiled once: `$WEGWIJZER_FUZZ_CONFIG`, else `routing.conf`.
let router: Router = {
    let path = ProcessInfo.processInfo.environment["WEGWIJZER_FUZZ_CONFIG"] ?? "routing.conf"
    let (config, diagnostics) = ConfigLoader.load(path: path)
    guard let config else { fatalError("cannot load \(path): \(diagnostics.map(\.description))") }
    return Router(config: config)
}()

/// Fuzz target: the router on arbitrary text; the first line is the subject.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRouter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let subject = parts.count > 1 ? String(parts[0]) : ""
    let body = parts.count > 1 ? String(parts[1]) : text
    let decision = router.route(subject: subject, text: body)
    precondition(router.config.team(named: decision.team) != nil, "routed to an unknown team \(decision.team)")
    return 0
}
