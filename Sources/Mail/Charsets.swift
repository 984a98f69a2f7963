import Foundation

/// Decodes bytes in a named character set to text, as mail clients do.
///
/// IANA names and their common aliases are mapped to decoders: UTF-8/16/32, US-ASCII,
/// ISO-8859-1 (read as Windows-1252, like every browser and mail client), ISO-8859-15 (by
/// table), the other ISO-8859 parts, Windows-1250 to 1258, KOI8-R/U, DOS code pages,
/// Shift_JIS, EUC-JP, ISO-2022-JP, GB2312/GBK/GB18030, Big5, EUC-KR and UTF-7.
/// Bytes that are invalid in their charset become U+FFFD. An unknown or missing charset is
/// decoded best-effort: UTF-8 when the bytes are valid UTF-8, else Windows-1252.
public enum Charsets {
    /// The text of `bytes` in `charset` (an IANA name, any case; nil: unknown).
    public static func decode(_ bytes: [UInt8], charset: String?) -> String {
        let decoder = charset.flatMap(CharsetDecoder.named) ?? .bestEffort
        return decoder.decode(bytes)
    }

    /// Whether `charset` names a character set this module decodes by its own rules
    /// (rather than by the best-effort fallback).
    public static func isKnown(_ charset: String) -> Bool {
        CharsetDecoder.named(charset) != nil
    }

    /// Windows-1252; bytes it leaves undefined become U+FFFD.
    static func windows1252(_ bytes: [UInt8]) -> String {
        CharsetTables.decodeWindows1252(bytes, undefinedAsControl: false)
    }
}

/// How one charset is decoded.
enum CharsetDecoder: Sendable, Equatable {
    case utf8
    case ascii
    case latin1
    case windows1252
    case latin9
    case utf16(bigEndian: Bool?)
    case utf32(bigEndian: Bool?)
    case eucJP
    case singleByte(UInt32)
    case multiByte(String.Encoding)
    case bestEffort

    /// The decoder for an IANA charset name or alias, or nil when unknown.
    static func named(_ name: String) -> CharsetDecoder? {
        var key = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": key.unicodeScalars.append(scalar)
            case "A"..."Z": key.unicodeScalars.append(Unicode.Scalar(scalar.value | 0x20)!)
            case "\"", "'", "-", "_", ".", ":", " ", "\t": continue
            default: return nil
            }
            if key.utf8.count > 40 { return nil }
        }
        return aliases[key]
    }

    /// Text of `bytes` with this decoder.
    func decode(_ bytes: [UInt8]) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .ascii, .bestEffort:
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            return CharsetTables.decodeWindows1252(bytes, undefinedAsControl: false)
        case .latin1:
            return CharsetTables.decodeWindows1252(bytes, undefinedAsControl: true)
        case .windows1252:
            return CharsetTables.decodeWindows1252(bytes, undefinedAsControl: false)
        case .latin9:
            return CharsetTables.decodeLatin9(bytes)
        case .utf16(let bigEndian):
            return UnicodeDecoding.utf16(bytes, bigEndian: bigEndian)
        case .utf32(let bigEndian):
            return UnicodeDecoding.utf32(bytes, bigEndian: bigEndian)
        case .eucJP:
            return EUCJapanese.decode(bytes)
        case .singleByte(let cfEncoding):
            return FoundationDecoding.singleByte(bytes, encoding: Self.nsEncoding(cfEncoding))
        case .multiByte(let encoding):
            return FoundationDecoding.multiByte(bytes, encoding: encoding)
        }
    }

    /// The `String.Encoding` of a CoreFoundation encoding number.
    static func nsEncoding(_ cfEncoding: UInt32) -> String.Encoding {
        String.Encoding(rawValue: UInt(cfEncoding) | 0x8000_0000)
    }

    /// Normalized names (lower case, letters and digits only) to decoders.
    private static let aliases: [String: CharsetDecoder] = {
        var table: [String: CharsetDecoder] = [:]
        func add(_ decoder: CharsetDecoder, _ names: String...) {
            for name in names { table[name] = decoder }
        }
        add(.utf8, "utf8", "unicode11utf8", "unicode20utf8", "xunicode20utf8", "utf8mb4")
        add(.ascii, "usascii", "ascii", "ansix341968", "ansix341986", "iso646us", "us", "cp367",
            "ibm367", "csascii", "isoir6")
        add(.latin1, "iso88591", "iso885911987", "latin1", "l1", "cp819", "ibm819", "isoir100",
            "csisolatin1", "88591", "iso8859")
        add(.windows1252, "windows1252", "cp1252", "xcp1252", "mswin1252", "ansi1252")
        add(.latin9, "iso885915", "iso8859151998", "latin9", "l9", "latin0", "csisolatin9",
            "isoir203")
        add(.utf16(bigEndian: nil), "utf16", "ucs2", "unicode", "csunicode", "iso10646ucs2")
        add(.utf16(bigEndian: true), "utf16be", "unicodefffe")
        add(.utf16(bigEndian: false), "utf16le", "unicodefeff")
        add(.utf32(bigEndian: nil), "utf32", "ucs4")
        add(.utf32(bigEndian: true), "utf32be")
        add(.utf32(bigEndian: false), "utf32le")
        add(.eucJP, "eucjp", "xeucjp", "cseucpkdfmtjapanese", "ujis")
        add(.multiByte(.shiftJIS), "shiftjis", "sjis", "xsjis", "mskanji", "csshiftjis", "cp932",
            "windows31j", "ms932", "xmscp932", "shiftjis2004")
        add(.multiByte(.iso2022JP), "iso2022jp", "csiso2022jp", "iso2022jp1", "iso2022jp2",
            "iso2022jp3", "jis", "xjis7")
        let gb = CharsetDecoder.multiByte(nsEncoding(0x0632))
        add(gb, "gb2312", "gbk", "cp936", "xgbk", "euccn", "xeuccn", "gb18030", "csgb2312", "chinese",
            "ms936", "windows936", "gb231280", "isoir58", "csiso58gb231280")
        add(.multiByte(nsEncoding(0x0A03)), "big5", "big5hkscs", "cp950", "xxbig5", "csbig5",
            "cnbig5", "ms950", "windows950")
        add(.multiByte(nsEncoding(0x0422)), "euckr", "ksc56011987", "ksc5601", "ksc56011989",
            "cp949", "korean", "windows949", "ms949", "csksc56011987", "isoir149", "cseuckr",
            "ksx1001", "uhc")
        add(.multiByte(nsEncoding(0x0400_0100)), "utf7", "unicode11utf7", "csunicode11utf7")
        let isoParts: [(String, UInt32)] = [
            ("2", 0x0202), ("3", 0x0203), ("4", 0x0204), ("5", 0x0205), ("6", 0x0206),
            ("7", 0x0207), ("8", 0x0208), ("8i", 0x0208), ("9", 0x0209), ("10", 0x020A),
            ("11", 0x041D), ("13", 0x020D), ("14", 0x020E), ("16", 0x0210),
        ]
        for (part, code) in isoParts {
            add(.singleByte(code), "iso8859\(part)", "88591\(part)")
        }
        add(.singleByte(0x0202), "latin2", "l2", "csisolatin2")
        add(.singleByte(0x0203), "latin3", "l3")
        add(.singleByte(0x0204), "latin4", "l4")
        add(.singleByte(0x0205), "cyrillic", "csisolatincyrillic")
        add(.singleByte(0x0207), "greek", "greek8", "elot928", "ecma118")
        add(.singleByte(0x0208), "hebrew", "visual", "logical")
        add(.singleByte(0x0209), "latin5", "l5")
        add(.singleByte(0x020A), "latin6", "l6")
        add(.singleByte(0x020D), "latin7", "l7")
        add(.singleByte(0x020E), "latin8", "l8")
        add(.singleByte(0x0210), "latin10", "l10")
        for (digit, code) in zip(["0", "1", "3", "4", "5", "6", "7", "8"],
                                 [0x0501, 0x0502, 0x0503, 0x0504, 0x0505, 0x0506, 0x0507, 0x0508]
                                    as [UInt32]) {
            add(.singleByte(code), "windows125\(digit)", "cp125\(digit)", "xcp125\(digit)")
        }
        add(.singleByte(0x0A02), "koi8r", "koi8", "cskoi8r")
        add(.singleByte(0x0A08), "koi8u", "koi8ru")
        add(.singleByte(0x0413), "ibm866", "cp866", "866", "csibm866")
        add(.singleByte(0x0410), "ibm850", "cp850", "850")
        add(.singleByte(0x0400), "ibm437", "cp437", "437")
        add(.singleByte(0x041D), "windows874", "cp874", "tis620", "iso885911")
        return table
    }()
}
