/// Parses and validates `routing.conf` text. Pure: reads no files.
///
/// All problems of a file are reported in one go, in line order; the configuration is `nil`
/// when there is any error. Warnings alone leave the configuration usable.
public enum ConfigParser {
    /// Parses configuration text; `path` is used in diagnostics and kept in the configuration.
    public static func parse(_ text: String, path: String) -> (config: RoutingConfig?, diagnostics: [Diagnostic]) {
        build(text, hash: RoutingConfig.hash(of: text.utf8), path: path, diagnostics: [])
    }

    /// Parses the bytes of a configuration file. Bytes that are not UTF-8 are an error at
    /// their position; the rest of the file is still checked.
    public static func parse(bytes: [UInt8], path: String) -> (config: RoutingConfig?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        if let offset = firstInvalidUTF8(bytes) {
            let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let line = bytes[..<offset].filter { $0 == 0x0A }.count + 1
            let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
            diagnostics.append(.error("the file is not valid UTF-8 (save it as UTF-8)",
                                      at: SourceLocation(path: path, line: line, column: column)))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return build(text, hash: RoutingConfig.hash(of: bytes), path: path, diagnostics: diagnostics)
    }

    private static func build(_ text: String, hash: String, path: String,
                              diagnostics: [Diagnostic]) -> (config: RoutingConfig?, diagnostics: [Diagnostic]) {
        let document = IniDocument.parse(text, path: path)
        var builder = ConfigBuilder(diagnostics: diagnostics + document.diagnostics)
        for section in document.sections {
            builder.add(section)
        }
        var acknowledge: AcknowledgeSettings?
        var acknowledgeProblems: [Diagnostic] = []
        if let values = builder.acknowledgeValues { (acknowledge, acknowledgeProblems) = AcknowledgeReader.read(values) }
        let all = (builder.diagnostics + acknowledgeProblems + ConfigValidator.check(builder, path: path)).sortedForReport()
        guard !all.contains(where: \.isError), var router = builder.router,
              let fallback = builder.teams.first(where: { $0.name.lowercased() == router.fallback.lowercased() }) else {
            return (nil, all)
        }
        router.fallback = fallback.name
        var config = RoutingConfig(path: path, router: router, teams: builder.teams, areas: builder.areas,
                                   sources: builder.sources, configHash: hash)
        config.acknowledge = acknowledge
        return (config, all)
    }

    /// The offset of the first byte that is not part of a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
