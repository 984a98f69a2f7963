extension TransferDecoding {
    /// Quoted-printable decoded like Python's `quopri` with RFC 2045 leniency: `=XX` in upper
    /// or lower case hex, `=` followed by optional blanks and a line break is a soft break, and
    /// broken escapes (`=G1`, a lone `=`) are kept literally. `header: true` also reads `_` as
    /// a space (RFC 2047 "Q" encoding).
    public static func quotedPrintable(_ bytes: [UInt8], header: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte == 0x5F && header {
                output.append(0x20)
                index += 1
                continue
            }
            guard byte == 0x3D else {
                output.append(byte)
                index += 1
                continue
            }
            index += 1
            if index >= count { break }
            var probe = index
            while probe < count && Bytes.isBlank(bytes[probe]) { probe += 1 }
            if probe < count && (bytes[probe] == 0x0A || bytes[probe] == 0x0D) {
                index = probe + 1
                if bytes[probe] == 0x0D && index < count && bytes[index] == 0x0A { index += 1 }
            } else if probe == count && probe > index {
                index = probe
            } else if bytes[index] == 0x3D {
                output.append(0x3D)
                index += 1
            } else if index + 1 < count, let high = Bytes.hexValue(bytes[index]),
                      let low = Bytes.hexValue(bytes[index + 1]) {
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(0x3D)
            }
        }
        return output
    }
}
