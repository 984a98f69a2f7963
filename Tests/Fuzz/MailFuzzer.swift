// libFuzzer entry point for the Mail module. It is not part of the Swift package: scripts/fuzz-mail
// compiles it together with Sources/Mail/*.swift (as module `Mail`) with
// `-sanitize=fuzzer,address` and runs it.

/// Feeds one input to the parser and to the stand-alone decoders; any crash, hang or runaway
/// allocation is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let mail = try? MailParser.parse(bytes) {
        _ = mail.forwarded.map(\.bodyText)
        _ = mail.attachments.count + mail.textParts.count
    }
    let text = String(decoding: bytes.prefix(64 * 1024), as: UTF8.self)
    _ = EncodedWords.decode(text)
    _ = MIMEParameters.parse(text)
    _ = AddressParser.parseList(text)
    _ = HTMLText.plainText(fromHTML: text)
    _ = ReplySplitter.split(text)
    let head = Array(bytes.prefix(4096))
    _ = Charsets.decode(head, charset: size % 2 == 0 ? "shift_jis" : "euc-jp")
    _ = Charsets.decode(head, charset: size % 3 == 0 ? "iso-2022-jp" : "gb2312")
    return 0
}
