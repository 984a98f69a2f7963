import Mail

/// Fuzz target: RFC 5322 / MIME parsing of arbitrary bytes, and the embedded messages.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMail(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let mail = try? MailParser.parse(bytes) else { return 0 }
    for embedded in mail.forwarded { _ = embedded.bodyText.utf8.count }
    _ = mail.attachments.reduce(0) { $0 + $1.data.count }
    return 0
}
