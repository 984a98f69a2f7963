extension TransferDecoding {
    /// Base64 decoded the way Python's `binascii.a2b_base64` does in its lenient mode:
    /// characters outside the alphabet (white space, garbage) are skipped, missing padding is
    /// tolerated, and decoding stops at the padding that completes a quantum. A dangling
    /// single character at the end is dropped.
    public static func base64(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4 * 3 + 3)
        var quadPosition = 0
        var pads = 0
        var left: UInt8 = 0
        for byte in bytes {
            if byte == 0x3D {
                if quadPosition >= 2 {
                    pads += 1
                    if quadPosition + pads >= 4 { break }
                }
                continue
            }
            let value = base64Value(byte)
            if value >= 64 { continue }
            pads = 0
            switch quadPosition {
            case 0:
                left = value
                quadPosition = 1
            case 1:
                output.append(left << 2 | value >> 4)
                left = value & 0x0F
                quadPosition = 2
            case 2:
                output.append(left << 4 | value >> 2)
                left = value & 0x03
                quadPosition = 3
            default:
                output.append(left << 6 | value)
                quadPosition = 0
            }
        }
        return output
    }

    /// The six-bit value of a base64 character, or 64 and above for anything else.
    @inline(__always)
    static func base64Value(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x41...0x5A: return byte - 0x41
        case 0x61...0x7A: return byte - 0x61 + 26
        case 0x30...0x39: return byte - 0x30 + 52
        case 0x2B: return 62
        case 0x2F: return 63
        default: return 255
        }
    }
}
