/// Turns the sections of an ``IniDocument`` into the configuration's model values, reporting
/// problems of each section as it goes.
struct ConfigBuilder {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var router: RouterSettings?
    /// The checked `[router]` entries, for the locations of its values.
    private(set) var routerValues: ConfigSectionValues?
    private(set) var teams: [TeamConfig] = []
    /// Where each team's queue is set (its header when the default is used); parallel to ``teams``.
    private(set) var queueLocations: [SourceLocation] = []
    /// Lower-cased names of teams with a bad signal entry: their reach is unknown.
    private(set) var teamsWithSignalErrors: Set<String> = []
    /// The checked entries of each team section; parallel to ``teams``.
    private(set) var teamValues: [ConfigSectionValues] = []
    private(set) var areas: [AreaConfig] = []
    private(set) var sources: [SourceConfig] = []
    /// The checked `[acknowledge]` entries, when the section is there.
    private(set) var acknowledgeValues: ConfigSectionValues?
    /// Sections seen so far, by kind and lower-cased name ("" for sections without a name).
    private var seen: [String: [String: IniSection]] = [:]
    /// Lower-cased names ("" for none) of sections whose misspelled kind was reported with a
    /// suggestion, by the suggested kind; their absence is not reported again.
    private(set) var misspelled: [String: Set<String>] = [:]

    init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    mutating func add(_ section: IniSection) {
        guard !section.kind.isEmpty else { return }  // an unreadable header, already reported
        guard let schema = ConfigSchema.section(section.kind) else {
            let kinds = ConfigSchema.sections.map(\.kind)
            let suggestion = Suggestions.closest(to: section.kind, among: kinds)
            if let suggestion { misspelled[suggestion, default: []].insert(section.name?.lowercased() ?? "") }
            let hint = suggestion.map { "did you mean '\($0)'?" } ?? "expected " + ConfigValueParser.listText(kinds)
            diagnostics.append(.error("unknown section kind '\(section.kind)' (\(hint))", at: section.kindLocation))
            return
        }
        let unique = checkName(section, schema: schema)
        let values: ConfigSectionValues
        if schema.kind == ConfigSchema.source.kind {
            let type = section.entries.first { $0.key == "type" }
                .flatMap { SourceType(rawValue: ConfigValueParser.unquoted($0.value.text)) }
            values = ConfigSectionReader.read(section, schema: schema, sourceType: type, checkRequired: unique,
                                                diagnostics: &diagnostics)
            if unique, let name = section.name, let type { sources.append(Self.source(values, name: name, type: type)) }
            return
        }
        values = ConfigSectionReader.read(section, schema: schema, checkRequired: unique, diagnostics: &diagnostics)
        guard unique else { return }
        switch schema.kind {
        case ConfigSchema.router.kind:
            routerValues = values
            router = Self.router(values)
        case ConfigSchema.team.kind:
            guard let name = section.name else { return }
            var team = TeamConfig(name: name, queue: values.text("queue"), endpoint: values.text("endpoint"),
                                  description: values.text("description"), signals: values.signals("signals"),
                                  location: section.location)
            team.publicName = values.text("public-name")
            team.responseDays = values.integer("response-days")
            team.takes = values.names("takes")
            team.area = values.text("area")
            team.endpointFiles = EndpointFiles(
                secret: values.text("endpoint-secret"), header: values.text("endpoint-header"),
                ca: values.text("endpoint-ca"), certificate: values.text("endpoint-cert"), key: values.text("endpoint-key"))
            teams.append(team)
            teamValues.append(values)
            if values.keysWithErrors.contains("signals") { teamsWithSignalErrors.insert(name.lowercased()) }
            queueLocations.append(values.valueLocation("queue") ?? section.nameLocation ?? section.location)
        case ConfigSchema.acknowledge.kind:
            acknowledgeValues = values
        case ConfigSchema.area.kind:
            guard let name = section.name else { return }
            var area = AreaConfig(name: name, postcodeRanges: values.ranges("postcodes"),
                                  places: values.names("places"), location: section.location)
            area.streets = values.names("streets")
            area.streetFiles = values.texts("streets-file").map { AreaFile(path: $0.text, location: $0.location) }
            area.polygonFiles = values.texts("polygons").map { AreaFile(path: $0.text, location: $0.location) }
            areas.append(area)
        default:
            break
        }
    }

    /// Checks the header's name: present when the kind takes one, absent otherwise, and not a
    /// repetition. Returns whether the section is the first of its kind and name.
    private mutating func checkName(_ section: IniSection, schema: ConfigSectionSchema) -> Bool {
        if schema.takesName, section.name == nil {
            let example = "[\(schema.kind) \(schema.exampleName ?? "NAME")]"
            diagnostics.append(.error("section [\(schema.kind)] needs a name, such as \(example)", at: section.location))
            return false
        }
        if !schema.takesName, let name = section.name, let at = section.nameLocation {
            diagnostics.append(.error("[\(schema.kind)] takes no name: remove '\(name)'", at: at))
        }
        let key = schema.takesName ? (section.name ?? "").lowercased() : ""
        if let first = seen[schema.kind]?[key] {
            if schema.takesName, let name = section.name {
                let spelled = first.name == name ? "" : " as '\(first.name ?? "")'"
                diagnostics.append(.error("duplicate \(schema.kind) '\(name)' (first defined at line "
                                          + "\(first.location.line)\(spelled); names are compared without case)",
                                          at: section.nameLocation ?? section.location))
            } else {
                diagnostics.append(.error("duplicate section [\(schema.kind)] (first at line \(first.location.line))",
                                          at: section.location))
            }
            return false
        }
        seen[schema.kind, default: [:]][key] = section
        return true
    }

    private static func router(_ values: ConfigSectionValues) -> RouterSettings {
        var settings = RouterSettings(
            state: values.text("state") ?? RouterSettings.defaultState,
            queues: values.text("queues") ?? RouterSettings.defaultQueues,
            fallback: values.text("fallback") ?? "",
            minScore: values.number("min-score") ?? RouterSettings.defaultMinScore,
            minMargin: values.number("min-margin") ?? RouterSettings.defaultMinMargin,
            subjectWeight: values.integer("subject-weight") ?? RouterSettings.defaultSubjectWeight,
            urgent: values.signals("urgent"),
            maxTextBytes: values.integer("max-text") ?? RouterSettings.defaultMaxTextBytes)
        settings.learned = values.text("learned")
        settings.archiveDays = values.integer("archive-days") ?? RouterSettings.defaultArchiveDays
        settings.outside = values.text("outside")
        settings.delivery = delivery(values)
        settings.retention = RetentionSettings(default: values.number("retention"))
        for kind in RetentionSettings.Kind.allCases {
            if let period = values.number(kind.key) { settings.retention.overrides[kind] = period }
        }
        return settings
    }

    private static func delivery(_ values: ConfigSectionValues) -> DeliverySettings {
        var delivery = DeliverySettings()
        delivery.workers = values.integer("delivery-workers") ?? delivery.workers
        delivery.connectTimeout = values.number("connect-timeout") ?? delivery.connectTimeout
        delivery.timeout = values.number("timeout") ?? delivery.timeout
        delivery.retryBase = values.number("retry-base") ?? delivery.retryBase
        delivery.retryCap = values.number("retry-cap") ?? delivery.retryCap
        delivery.maxAttempts = values.integer("max-attempts") ?? delivery.maxAttempts
        delivery.maxAge = values.number("max-age") ?? delivery.maxAge
        delivery.maxInFlight = values.integer("max-in-flight") ?? delivery.maxInFlight
        delivery.keepAlive = (values.text("keep-alive") ?? "yes") == "yes"
        return delivery
    }

    private static func source(_ values: ConfigSectionValues, name: String, type: SourceType) -> SourceConfig {
        var aliases: [String: [String]] = [:]
        for (key, field) in SourceConfig.fieldKeys {
            let names = values.names(key)
            if !names.isEmpty { aliases[field] = names }
        }
        var source = SourceConfig(
            name: name, type: type, path: values.text("path"), listen: values.names("listen"),
            secretFile: values.text("secret"), tokenFile: values.text("token"),
            maxSize: values.integer("max-size") ?? SourceConfig.defaultMaxSize,
            minConfidence: values.number("min-confidence") ?? 0,
            deleteAfterRead: values.text("after") == "delete",
            fieldAliases: aliases, location: values.section.location)
        source.headerTimeout = values.number("header-timeout") ?? SourceConfig.defaultHeaderTimeout
        source.bodyTimeout = values.number("body-timeout") ?? SourceConfig.defaultBodyTimeout
        source.idleTimeout = values.number("idle-timeout") ?? SourceConfig.defaultIdleTimeout
        source.maxConnections = values.integer("max-connections") ?? SourceConfig.defaultMaxConnections
        return source
    }
}
