/// Checks of endpoint delivery that span keys: `endpoint-*` files need an endpoint, TLS files
/// an `https://` one, a client certificate its key; `retry-cap` not below `retry-base`.
enum DeliveryValidator {
    static func check(router: RouterSettings, routerValues: ConfigSectionValues?, teams: [TeamConfig],
                      teamValues: [ConfigSectionValues]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let delivery = router.delivery
        if let routerValues, delivery.retryCap < delivery.retryBase, let at = routerValues.valueLocation("retry-cap") {
            diagnostics.append(.error("'retry-cap' must not be below 'retry-base'", at: at))
        }
        if let routerValues, delivery.connectTimeout > delivery.timeout, let at = routerValues.valueLocation("connect-timeout")
            ?? routerValues.valueLocation("timeout") {
            diagnostics.append(.warning("'connect-timeout' is longer than 'timeout', which limits the whole request", at: at))
        }
        for (team, values) in zip(teams, teamValues) {
            diagnostics += check(team, values)
        }
        let endpoints = Set(teams.compactMap(\.endpoint))
        if endpoints.count > 1, delivery.maxInFlight >= delivery.workers,
           let at = routerValues?.valueLocation("max-in-flight") ?? routerValues?.valueLocation("delivery-workers") {
            diagnostics.append(.warning("'max-in-flight' (\(delivery.maxInFlight)) is not below 'delivery-workers' "
                                        + "(\(delivery.workers)): one slow endpoint can hold every worker", at: at))
        }
        return diagnostics
    }

    private static func check(_ team: TeamConfig, _ values: ConfigSectionValues) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let fileKeys = ConfigSchema.endpointKeys.map(\.name).filter(values.has)
        guard let endpoint = team.endpoint else {
            if !values.keysWithErrors.contains("endpoint") {
                for key in fileKeys {
                    diagnostics.append(.error("'\(key)' needs 'endpoint' in [team \(team.name)]",
                                              at: values.valueLocation(key) ?? team.location))
                }
            }
            return diagnostics
        }
        if !endpoint.lowercased().hasPrefix("https://") {
            for key in ["endpoint-ca", "endpoint-cert", "endpoint-key"] where values.has(key) {
                diagnostics.append(.error("'\(key)' needs an https:// endpoint", at: values.valueLocation(key) ?? team.location))
            }
        }
        if values.has("endpoint-cert") != values.has("endpoint-key") {
            let (given, missing) = values.has("endpoint-cert") ? ("endpoint-cert", "endpoint-key") : ("endpoint-key", "endpoint-cert")
            diagnostics.append(.error("'\(given)' needs '\(missing)' in [team \(team.name)]",
                                      at: values.valueLocation(given) ?? team.location))
        }
        return diagnostics
    }
}
