extension TransferDecoding {
    /// A uuencoded file: the name on its `begin` line and its decoded bytes.
    public struct UUFile: Sendable, Hashable {
        /// The file name of the `begin MODE NAME` line (may be empty).
        public var name: String
        /// The decoded content.
        public var data: [UInt8]
    }

    /// Decodes the first uuencoded block (`begin 644 name` … `end`) in `bytes`, or nil when
    /// there is no `begin` line. A missing `end` line ends the data at the end of the input.
    public static func uudecode(_ bytes: [UInt8]) -> UUFile? {
        var position = 0
        while position < bytes.count {
            let line = ByteLine.at(position, in: bytes, end: bytes.count)
            position = line.next
            if let name = beginLineName(bytes, line) {
                let (data, _) = uudecodeLines(bytes, from: position, end: bytes.count)
                return UUFile(name: name, data: data)
            }
        }
        return nil
    }

    /// The file name when `line` is a `begin MODE NAME` line with an octal mode.
    static func beginLineName(_ bytes: [UInt8], _ line: ByteLine) -> String? {
        let prefix = Array("begin ".utf8)
        guard Bytes.hasPrefix(bytes, at: line.start, end: line.contentEnd, prefix) else { return nil }
        var index = line.start + prefix.count
        let modeStart = index
        while index < line.contentEnd && bytes[index] >= 0x30 && bytes[index] <= 0x37 { index += 1 }
        let modeLength = index - modeStart
        guard modeLength >= 3, modeLength <= 4 else { return nil }
        guard index == line.contentEnd || bytes[index] == 0x20 else { return nil }
        let name = index < line.contentEnd ? Bytes.text(bytes[(index + 1)..<line.contentEnd]) : ""
        return name.trimmingBlanks()
    }

    /// Decodes uuencoded lines from `start` until an `end` line; returns the bytes and where
    /// the block ended (after the `end` line, or `end` of the range).
    static func uudecodeLines(_ bytes: [UInt8], from start: Int, end: Int) -> ([UInt8], Int) {
        var output: [UInt8] = []
        var position = start
        while position < end {
            let line = ByteLine.at(position, in: bytes, end: end)
            position = line.next
            var content = line.start..<line.contentEnd
            while !content.isEmpty && Bytes.isSpace(bytes[content.upperBound - 1]) {
                content = content.lowerBound..<(content.upperBound - 1)
            }
            if content.count == 3 && Bytes.hasPrefix(bytes, at: content.lowerBound, end: content.upperBound,
                                                     Array("end".utf8)) {
                return (output, position)
            }
            if content.isEmpty { continue }
            let length = Int((bytes[content.lowerBound] &- 0x20) & 0x3F)
            var produced = 0
            var index = content.lowerBound + 1
            while produced < length {
                var group: [UInt8] = [0, 0, 0, 0]
                for slot in 0..<4 {
                    let byte: UInt8 = index < content.upperBound ? bytes[index] : 0x20
                    group[slot] = (byte &- 0x20) & 0x3F
                    index += 1
                }
                let decoded: [UInt8] = [
                    group[0] << 2 | group[1] >> 4,
                    (group[1] & 0x0F) << 4 | group[2] >> 2,
                    (group[2] & 0x03) << 6 | group[3],
                ]
                for byte in decoded where produced < length {
                    output.append(byte)
                    produced += 1
                }
            }
        }
        return (output, position)
    }
}
