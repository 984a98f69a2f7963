/// A strict base64 decoder (RFC 4648 standard alphabet).
///
/// Whitespace and line breaks are skipped and padding may be left off, but any other
/// character, misplaced padding or a dangling sixth bit rejects the whole input;
/// Foundation's `.ignoreUnknownCharacters` would silently drop them.
enum StrictBase64 {
    /// The decoded bytes, or nil when `text` is not valid base64.
    static func decode(_ text: String) -> [UInt8]? {
        decode(text.utf8)
    }

    /// The decoded bytes of base64 text given as UTF-8, or nil when it is not valid base64.
    static func decode(_ utf8: some Collection<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count * 3 / 4)
        var accumulator: UInt32 = 0
        var count = 0
        var padding = 0
        for byte in utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                continue
            case UInt8(ascii: "="):
                padding += 1
                continue
            default:
                break
            }
            guard padding == 0, let value = sextet(byte) else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            count += 1
            if count == 4 {
                output.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                output.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                output.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator = 0
                count = 0
            }
        }
        switch count {
        case 0:
            guard padding == 0 else { return nil }
        case 2:
            guard padding == 0 || padding == 2, accumulator & 0xF == 0 else { return nil }
            output.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        case 3:
            guard padding == 0 || padding == 1, accumulator & 0x3 == 0 else { return nil }
            output.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            output.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        default:
            return nil
        }
        return output
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}

/// An RFC 2397 `data:` URL, as form builders use for uploaded files.
struct DataURL: Sendable, Hashable {
    /// The media type, as `image/jpeg`; empty when the URL names none.
    var mediaType: String
    /// The decoded content.
    var bytes: [UInt8]

    /// Parses `text`; nil when it is not a `data:` URL. Throws when it is one but its
    /// content does not decode, naming `field`.
    static func parse(_ text: String, field: String) throws(NormalizeError) -> DataURL? {
        // Look at the start before copying: most content is plain base64, and large.
        let start = text.utf8.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard start.prefix(5).map({ $0 | 0x20 }).elementsEqual("data:".utf8) else { return nil }
        let trimmed = text.trimmingSpaces
        guard let comma = trimmed.firstIndex(of: ",") else {
            throw .invalidField(field: field, reason: "is a data URL without ','")
        }
        let header = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 5)..<comma]
        let payload = String(trimmed[trimmed.index(after: comma)...])
        let parameters = header.split(separator: ";").map { $0.trimmingSpaces.lowercased() }
        let isBase64 = parameters.last == "base64"
        let mediaType = parameters.first.flatMap { $0.contains("/") ? $0 : nil } ?? ""
        if isBase64 {
            guard let bytes = StrictBase64.decode(payload) else { throw .invalidBase64(field: field) }
            return DataURL(mediaType: mediaType, bytes: bytes)
        }
        guard let bytes = percentDecode(payload) else {
            throw .invalidField(field: field, reason: "is a data URL with a bad %-escape")
        }
        return DataURL(mediaType: mediaType, bytes: bytes)
    }

    private static func percentDecode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { output.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            output.append(high << 4 | low)
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
