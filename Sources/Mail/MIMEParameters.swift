/// `Content-Type` and `Content-Disposition` values: the leading value and its parameters.
///
/// Quoted strings, comments and missing semicolons are tolerated, and RFC 2231 is applied:
/// continuations (`name*0`, `name*1`, …), charsets and languages (`name*=utf-8'nl'…`),
/// percent-decoding, and mixed encoded and plain continuations. A parameter given both
/// plainly and in RFC 2231 form takes the RFC 2231 value. RFC 2047 encoded words inside
/// values are left alone here (``MailPart/filename`` decodes them).
public enum MIMEParameters {
    /// Most parameters read from one header value; the rest are ignored.
    static let maxParameters = 256

    /// The lower-cased value (`text/plain`, `attachment`) and the parameters, their names in
    /// lower case; the first of repeated parameters wins.
    public static func parse(_ headerValue: String) -> (value: String, parameters: [String: String]) {
        var scanner = ParameterScanner(Array(headerValue.utf8))
        let value = scanner.leadingValue().asciiLowercased()
        var raw: [(name: String, value: String)] = []
        while raw.count < maxParameters, let parameter = scanner.nextParameter() {
            raw.append(parameter)
        }
        return (value, assemble(raw))
    }

    /// Joins RFC 2231 sections and decodes them; plain parameters pass through.
    static func assemble(_ raw: [(name: String, value: String)]) -> [String: String] {
        var plain: [String: String] = [:]
        var extended: [String: [Int: (value: String, encoded: Bool)]] = [:]
        for (name, value) in raw {
            guard let star = name.firstIndex(of: "*") else {
                if plain[name] == nil { plain[name] = value }
                continue
            }
            let base = String(name[..<star])
            var rest = name[name.index(after: star)...]
            let encoded = rest.hasSuffix("*") || rest.isEmpty
            if rest.hasSuffix("*") { rest = rest.dropLast() }
            let section: Int
            if rest.isEmpty {
                section = 0
            } else if rest.count <= 4, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(rest) {
                section = number
            } else {
                if plain[name] == nil { plain[name] = value }
                continue
            }
            guard !base.isEmpty else { continue }
            if extended[base, default: [:]][section] == nil {
                extended[base, default: [:]][section] = (value, encoded)
            }
        }
        for (base, sections) in extended {
            plain[base] = joinSections(sections)
        }
        return plain
    }

    private static func joinSections(_ sections: [Int: (value: String, encoded: Bool)]) -> String {
        var bytes: [UInt8] = []
        var charset: String?
        for (index, key) in sections.keys.sorted().enumerated() {
            let (value, encoded) = sections[key]!
            guard encoded else {
                bytes += value.utf8
                continue
            }
            var text = Substring(value)
            if index == 0 {
                let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count == 3 {
                    charset = parts[0].isEmpty ? nil : String(parts[0])
                    text = parts[2]
                }
            }
            bytes += percentDecoded(Array(text.utf8))
        }
        return Charsets.decode(bytes, charset: charset)
    }

    /// `%XX` escapes replaced by their bytes; malformed escapes are kept.
    static func percentDecoded(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count,
               let high = Bytes.hexValue(bytes[index + 1]), let low = Bytes.hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }
}
