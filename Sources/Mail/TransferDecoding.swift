/// Content-Transfer-Encoding decoders (RFC 2045), forgiving like mainstream mail readers.
public enum TransferDecoding {
    /// The decoded bytes of a body in the transfer encoding `encoding` (its header value, any
    /// case): `base64`, `quoted-printable`, `x-uuencode` (and its aliases); anything else, such
    /// as `7bit`, `8bit` or `binary`, or an unknown name, returns the bytes unchanged.
    public static func decode(_ bytes: [UInt8], encoding: String?) -> [UInt8] {
        switch normalizedName(encoding) {
        case "base64": return base64(bytes)
        case "quoted-printable": return quotedPrintable(bytes)
        case "x-uuencode", "uuencode", "uue", "x-uue": return uudecode(bytes)?.data ?? bytes
        default: return bytes
        }
    }

    /// The encoding's name in lower case, without parameters, comments or stray white space
    /// ("Quoted-Printable;" and " base64 (x)" work).
    static func normalizedName(_ encoding: String?) -> String {
        guard let encoding else { return "" }
        var name = ""
        for scalar in encoding.unicodeScalars {
            if scalar == ";" || scalar == "(" { if !name.isEmpty { break } else { continue } }
            if scalar.isBlankOrNewline || scalar == "\"" {
                if name.isEmpty { continue } else { break }
            }
            name.unicodeScalars.append(scalar)
        }
        return name.asciiLowercased()
    }
}
