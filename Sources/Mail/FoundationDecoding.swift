import Foundation

/// Decoding through Foundation's converters, made lossy: where Foundation rejects the bytes,
/// only the bad characters become U+FFFD, not the whole text.
enum FoundationDecoding {
    /// Most bytes that the slow character-by-character repair may look at in one call; past
    /// it, undecodable lines keep only their ASCII.
    private static let repairBudget = 64 * 1024

    /// A single-byte charset; bytes it leaves undefined become U+FFFD.
    static func singleByte(_ bytes: [UInt8], encoding: String.Encoding) -> String {
        if let text = String(bytes: bytes, encoding: encoding) { return text }
        var table = [String?](repeating: nil, count: 128)
        var result = String.UnicodeScalarView()
        for byte in bytes {
            if byte < 0x80 {
                result.append(Unicode.Scalar(byte))
                continue
            }
            let slot = Int(byte - 0x80)
            if table[slot] == nil {
                table[slot] = String(bytes: [byte], encoding: encoding) ?? "\u{FFFD}"
            }
            result.append(contentsOf: table[slot]!.unicodeScalars)
        }
        return String(result)
    }

    /// A multi-byte charset, decoded whole when it can be, else in chunks of lines, and a
    /// failing line character by character.
    static func multiByte(_ bytes: [UInt8], encoding: String.Encoding) -> String {
        if let text = String(bytes: bytes, encoding: encoding) { return text }
        var result = ""
        var budget = repairBudget
        var start = 0
        while start < bytes.count {
            var end = start
            repeat {
                if let newline = bytes[end...].firstIndex(of: 0x0A) {
                    end = newline + 1
                } else {
                    end = bytes.count
                }
            } while end - start < 4096 && end < bytes.count
            let chunk = Array(bytes[start..<end])
            if let text = String(bytes: chunk, encoding: encoding) {
                result += text
            } else {
                result += repairLines(chunk, encoding: encoding, budget: &budget)
            }
            start = end
        }
        return result
    }

    private static func repairLines(
        _ chunk: [UInt8], encoding: String.Encoding, budget: inout Int
    ) -> String {
        var result = ""
        var start = 0
        while start < chunk.count {
            let end = chunk[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? chunk.count
            let line = Array(chunk[start..<end])
            if let text = String(bytes: line, encoding: encoding) {
                result += text
            } else if budget >= line.count {
                budget -= line.count
                result += encoding == .iso2022JP
                    ? repairISO2022(line) : repairCharacters(line, encoding: encoding)
            } else {
                result += asciiOnly(line)
            }
            start = end
        }
        return result
    }

    /// Tries one to four bytes at each position; what decodes to nothing becomes U+FFFD.
    private static func repairCharacters(_ line: [UInt8], encoding: String.Encoding) -> String {
        var result = String.UnicodeScalarView()
        var index = 0
        while index < line.count {
            let byte = line[index]
            if byte < 0x80 {
                result.append(Unicode.Scalar(byte))
                index += 1
                continue
            }
            var decoded = false
            for length in 1...4 where index + length <= line.count {
                if let text = String(bytes: line[index..<index + length], encoding: encoding),
                   text.unicodeScalars.count == 1 {
                    result.append(contentsOf: text.unicodeScalars)
                    index += length
                    decoded = true
                    break
                }
            }
            if !decoded {
                result.append("\u{FFFD}")
                index += 1
            }
        }
        return String(result)
    }

    /// ISO-2022-JP line repair: each escape-delimited run alone, then pair by pair.
    private static func repairISO2022(_ line: [UInt8]) -> String {
        let reset: [UInt8] = [0x1B, 0x28, 0x42]
        var result = ""
        var start = 0
        while start < line.count {
            var end = start + 1
            while end < line.count && line[end] != 0x1B { end += 1 }
            let run = Array(line[start..<end])
            if let text = String(bytes: run + reset, encoding: .iso2022JP) {
                result += text
            } else if run.count >= 3, run[0] == 0x1B, run[1] == 0x24 {
                let prefix = Array(run[0..<3])
                var index = 3
                while index < run.count {
                    if index + 1 < run.count,
                       let text = String(bytes: prefix + run[index...index + 1] + reset,
                                         encoding: .iso2022JP) {
                        result += text
                        index += 2
                    } else {
                        result += run[index] < 0x20 ? String(Unicode.Scalar(run[index])) : "\u{FFFD}"
                        index += 1
                    }
                }
            } else {
                result += asciiOnly(run.first == 0x1B ? Array(run.dropFirst(3)) : run)
            }
            start = end
        }
        return result
    }

    /// ASCII kept, every other byte U+FFFD.
    static func asciiOnly(_ bytes: [UInt8]) -> String {
        var result = String.UnicodeScalarView()
        for byte in bytes { result.append(byte < 0x80 ? Unicode.Scalar(byte) : "\u{FFFD}") }
        return String(result)
    }
}

/// EUC-JP, which Foundation on Linux lacks: JIS X 0208 runs are rewritten as ISO-2022-JP
/// and decoded by Foundation; half-width katakana are mapped directly.
enum EUCJapanese {
    static func decode(_ bytes: [UInt8]) -> String {
        var result = ""
        var ascii = String.UnicodeScalarView()
        var index = 0
        func flushASCII() {
            if !ascii.isEmpty { result += String(ascii); ascii = String.UnicodeScalarView() }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                ascii.append(Unicode.Scalar(byte))
                index += 1
            } else if byte == 0x8E, index + 1 < bytes.count, (0xA1...0xDF).contains(bytes[index + 1]) {
                ascii.append(Unicode.Scalar(0xFF61 + UInt32(bytes[index + 1] - 0xA1))!)
                index += 2
            } else if byte == 0x8F, index + 2 < bytes.count,
                      (0xA1...0xFE).contains(bytes[index + 1]), (0xA1...0xFE).contains(bytes[index + 2]) {
                ascii.append("\u{FFFD}")
                index += 3
            } else if (0xA1...0xFE).contains(byte) {
                flushASCII()
                var run: [UInt8] = [0x1B, 0x24, 0x42]
                while index + 1 < bytes.count,
                      (0xA1...0xFE).contains(bytes[index]), (0xA1...0xFE).contains(bytes[index + 1]) {
                    run.append(bytes[index] & 0x7F)
                    run.append(bytes[index + 1] & 0x7F)
                    index += 2
                }
                if run.count == 3 {
                    ascii.append("\u{FFFD}")
                    index += 1
                    continue
                }
                run += [0x1B, 0x28, 0x42]
                if let text = String(bytes: run, encoding: .iso2022JP) {
                    result += text
                } else {
                    result += decodePairs(Array(run[3..<(run.count - 3)]))
                }
            } else {
                ascii.append("\u{FFFD}")
                index += 1
            }
        }
        flushASCII()
        return result
    }

    private static func decodePairs(_ pairs: [UInt8]) -> String {
        var result = ""
        var index = 0
        while index + 1 < pairs.count {
            let bytes: [UInt8] = [0x1B, 0x24, 0x42, pairs[index], pairs[index + 1], 0x1B, 0x28, 0x42]
            result += String(bytes: bytes, encoding: .iso2022JP) ?? "\u{FFFD}"
            index += 2
        }
        return result
    }
}
