import Messages

/// Normalizes an input file of any kind: detects the kind, then calls the normalizer.
public enum InputNormalizer {
    /// Normalizes `bytes` read from `fileName`; `sidecar` is the call's `NAME.meta.json`,
    /// `aliases` the source's form field aliases.
    /// - Throws: ``NormalizeError``, also when the kind cannot be told from the name.
    public static func normalize(
        fileName: String, bytes: [UInt8], sidecar: [UInt8]? = nil, source: SourceReference,
        aliases: FieldAliases = .none
    ) throws(NormalizeError) -> NormalizedInput {
        guard let kind = InputKind.detect(fileName: fileName, bytes: bytes) else {
            throw .invalidInput("unsupported input '\(DecodedAttachment.safeFilename(fileName))'")
        }
        return try normalize(bytes, kind: kind, sidecar: sidecar, source: source, aliases: aliases)
    }

    /// Normalizes `bytes` of a known kind.
    public static func normalize(
        _ bytes: [UInt8], kind: InputKind, sidecar: [UInt8]? = nil, source: SourceReference,
        aliases: FieldAliases = .none
    ) throws(NormalizeError) -> NormalizedInput {
        switch kind {
        case .formJSON: return try FormNormalizer.normalize(bytes, source: source, aliases: aliases)
        default: return try CallNormalizer.normalize(bytes, kind: kind, sidecar: sidecar, source: source)
        }
    }
}
