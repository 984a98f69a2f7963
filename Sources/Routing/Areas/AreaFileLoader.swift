/// Reads the files the `[area]` sections name — GeoJSON polygons and street lists, relative to
/// the configuration's folder — into the configuration, and warns of what they leave unclear:
/// overlapping polygons, and a street listed in two areas.
enum AreaFileLoader {
    /// The largest polygon or street file read: 50 MiB.
    static let maxFileBytes = 50 * 1024 * 1024

    /// `config` with the areas' polygons and street files read, or nil when one cannot be
    /// used; the configuration hash then covers the files too.
    static func load(_ config: RoutingConfig, configPath: String) -> (config: RoutingConfig?, diagnostics: [Diagnostic]) {
        var config = config
        var diagnostics: [Diagnostic] = []
        var hashes = ""
        for index in config.areas.indices {
            let area = config.areas[index]
            for file in area.polygonFiles {
                guard let bytes = read(file, configPath: configPath, what: "polygon", into: &diagnostics) else { continue }
                let (polygons, problems) = GeoJSONReader.read(bytes, path: resolved(file, configPath))
                config.areas[index].polygons += polygons
                diagnostics += problems
                hashes += RoutingConfig.hash(of: bytes)
            }
            for file in area.streetFiles {
                guard let bytes = read(file, configPath: configPath, what: "street", into: &diagnostics) else { continue }
                let path = resolved(file, configPath)
                if let offset = ConfigParser.firstInvalidUTF8(bytes) {
                    let line = bytes[..<offset].filter { $0 == 0x0A }.count + 1
                    diagnostics.append(.error("the file is not valid UTF-8 (save it as UTF-8)",
                                              at: SourceLocation(path: path, line: line, column: 1)))
                    continue
                }
                config.areas[index].streets += streetNames(String(decoding: bytes, as: UTF8.self))
                hashes += RoutingConfig.hash(of: bytes)
            }
        }
        guard !diagnostics.contains(where: \.isError) else { return (nil, diagnostics) }
        diagnostics += streetWarnings(config.areas) + overlapWarnings(config.areas)
        if !hashes.isEmpty { config.configHash = RoutingConfig.hash(of: Array((config.configHash + hashes).utf8)) }
        return (config, diagnostics)
    }

    /// The names of a street file: one per line, blank lines and `#` comments skipped.
    static func streetNames(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            var name = line[...]
            while let first = name.first, first == " " || first == "\t" { name = name.dropFirst() }
            while let last = name.last, last == " " || last == "\t" { name = name.dropLast() }
            return name.isEmpty || name.first == "#" ? nil : String(name)
        }
    }

    private static func resolved(_ file: AreaFile, _ configPath: String) -> String {
        ConfigLoader.learnedFilePath(file.path, configPath: configPath)
    }

    private static func read(_ file: AreaFile, configPath: String, what: String,
                             into diagnostics: inout [Diagnostic]) -> [UInt8]? {
        let path = resolved(file, configPath)
        switch ConfigLoader.readFile(path, limit: maxFileBytes) {
        case .success(let bytes):
            return bytes
        case .failure(let reason):
            diagnostics.append(.error("cannot read the \(what) file \(path): \(reason.message)", at: file.location))
            return nil
        }
    }

    /// A warning for every street listed in a second area: it then places a message in neither.
    private static func streetWarnings(_ areas: [AreaConfig]) -> [Diagnostic] {
        var owner: [String: Int] = [:]
        var warned = Set<String>()
        var diagnostics: [Diagnostic] = []
        for (index, area) in areas.enumerated() {
            for street in area.streets {
                let key = AreaIndex.streetKey(street)
                if let first = owner[key] {
                    if first != index, warned.insert(key).inserted {
                        diagnostics.append(.warning("street '\(street)' is listed in area \(areas[first].name) and in area "
                                                    + "\(area.name): it places a message in neither", at: area.location))
                    }
                } else {
                    owner[key] = index
                }
            }
        }
        return diagnostics
    }

    /// A warning for every two polygons of different areas that share ground: a point there
    /// goes to the area listed first.
    private static func overlapWarnings(_ areas: [AreaConfig]) -> [Diagnostic] {
        let polygons = areas.enumerated().flatMap { index, area in area.polygons.map { (area: index, polygon: $0) } }
        let order = polygons.indices.sorted { polygons[$0].polygon.box.minLon < polygons[$1].polygon.box.minLon }
        var corners: [Int: GeoCorners] = [:]
        func cornersOf(_ index: Int) -> GeoCorners {
            if let known = corners[index] { return known }
            let made = GeoCorners(polygons[index].polygon)
            corners[index] = made
            return made
        }
        var diagnostics: [Diagnostic] = []
        var warnedPairs = Set<Int>()
        // Sweep by the western edge of each box: only boxes that reach past it can overlap it.
        for (position, first) in order.enumerated() {
            let box = polygons[first].polygon.box
            for second in order[(position + 1)...] {
                let other = polygons[second]
                if other.polygon.box.minLon >= box.maxLon { break }
                let pair = min(polygons[first].area, other.area) * areas.count + max(polygons[first].area, other.area)
                guard other.area != polygons[first].area, !warnedPairs.contains(pair),
                      polygons[first].polygon.box.overlaps(other.polygon.box),
                      polygons[first].polygon.overlaps(other.polygon, corners: cornersOf(first), otherCorners: cornersOf(second))
                else { continue }
                warnedPairs.insert(pair)
                let (a, b) = polygons[first].area < other.area ? (polygons[first], other) : (other, polygons[first])
                diagnostics.append(.warning("a polygon of area \(areas[b.area].name) overlaps one of area \(areas[a.area].name) "
                                            + "(\(a.polygon.location)): points in both go to \(areas[a.area].name)",
                                            at: b.polygon.location))
            }
        }
        return diagnostics
    }
}
