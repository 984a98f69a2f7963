/// The character tests and conversions of the configuration's lexer and signal parser, with
/// ASCII (nearly every character of a routing.conf) answered from its byte instead of from the
/// Unicode property tables. Each gives the same answer as the `Character` property it stands for.
extension Character {
    /// The character's byte when it is one ASCII scalar; nil otherwise (also for `"\r\n"`).
    @inline(__always) var configASCII: UInt8? {
        let bytes = utf8
        return bytes.count == 1 ? bytes.first : nil
    }

    /// ``Character/isWhitespace``.
    @inline(__always) var isConfigSpace: Bool {
        guard let byte = configASCII else { return isWhitespace }
        return byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// ``Character/isLetter`` or ``Character/isNumber``.
    @inline(__always) var isLetterOrNumber: Bool {
        guard let byte = configASCII else { return isLetter || isNumber }
        return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// ``Character/isLetter``.
    @inline(__always) var isConfigLetter: Bool {
        guard let byte = configASCII else { return isLetter }
        return (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

extension String {
    /// The text of `characters`, built from their UTF-8 bytes in one go rather than a
    /// `Character` at a time.
    init(configCharacters characters: ArraySlice<Character>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count)
        for character in characters {
            if let byte = character.configASCII { bytes.append(byte) } else { bytes.append(contentsOf: character.utf8) }
        }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
