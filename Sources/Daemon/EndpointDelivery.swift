import Delivery
import Foundation
import Routing

/// Turns `routing.conf` into what delivery works with: the `[router]` policy and each team's
/// endpoint, with its secret and header files read and its TLS files resolved against the
/// state folder.
public enum EndpointDelivery {
    /// The delivery configuration of `config`, or the problems with its endpoint files (one
    /// line each, naming the file).
    public static func configuration(_ config: RoutingConfig) -> Result<DeliveryConfiguration, EndpointFileError> {
        var endpoints: [String: Endpoint] = [:]
        for team in config.teams {
            guard let url = team.endpoint else { continue }
            let files = team.endpointFiles
            let path = { (file: String?) in file.map { config.resolvedPath($0, base: config.router.state) } }
            var endpoint = Endpoint(url: url, caFile: path(files.ca), certificateFile: path(files.certificate),
                                    keyFile: path(files.key))
            do {
                if let secret = path(files.secret) { endpoint.signer = try WebhookSigner.load(path: secret) }
                if let header = path(files.header) { endpoint.headers = try HeaderFile.load(path: header) }
            } catch {
                return .failure(EndpointFileError(path: error.path, line: error.line,
                                                  reason: error.reason + " (team \(team.name))"))
            }
            endpoints[team.name.lowercased()] = endpoint
        }
        let policy = policy(config.router.delivery)
        var smtp: SMTPSettings?
        if let settings = config.acknowledge {
            switch mailServer(settings, config: config, policy: policy) {
            case .success(let server): smtp = server
            case .failure(let error): return .failure(error)
            }
        }
        return .success(DeliveryConfiguration(policy: policy, endpoints: endpoints, smtp: smtp))
    }

    /// The SMTP server of `[acknowledge]`, with its password read from `password-file` (its
    /// first line) and its files resolved against the state folder; the time limits are the
    /// `[router]` ones.
    public static func mailServer(_ settings: AcknowledgeSettings, config: RoutingConfig,
                                  policy: DeliveryPolicy) -> Result<SMTPSettings, EndpointFileError> {
        let path = { (file: String?) in file.map { config.resolvedPath($0, base: config.router.state) } }
        var password: String?
        if let file = path(settings.passwordFile) {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                return .failure(EndpointFileError(path: file, line: nil, reason: "cannot read the SMTP password-file ([acknowledge])"))
            }
            password = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init) ?? ""
        }
        let startTLS = SMTPSettings.StartTLS(rawValue: settings.startTLS.rawValue) ?? .required
        return .success(SMTPSettings(url: settings.smtp, startTLS: startTLS, username: settings.username, password: password,
                                     caFile: path(settings.caFile), connectTimeout: policy.connectTimeout,
                                     timeout: policy.timeout))
    }

    /// The delivery policy of the `[router]` settings.
    public static func policy(_ settings: DeliverySettings) -> DeliveryPolicy {
        DeliveryPolicy(
            workers: settings.workers, connectTimeout: settings.connectTimeout, timeout: settings.timeout,
            retryBase: settings.retryBase, retryCap: settings.retryCap, maxAttempts: settings.maxAttempts,
            maxAge: settings.maxAge, maxInFlight: settings.maxInFlight, keepAlive: settings.keepAlive)
    }
}
