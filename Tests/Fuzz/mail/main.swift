@testable import Mail

/// Fuzz target: RFC 5322 / MIME parsing of arbitrary bytes, the embedded messages and
/// attachments, and the stand-alone decoders on the same bytes as text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMail(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let mail = try? MailParser.parse(bytes) {
        _ = mail.forwarded.map(\.bodyText)
        _ = mail.attachments.reduce(0) { $0 + $1.data.count } + mail.textParts.count
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
