/// What delivery works with: the policy, each team's endpoint (by lower-cased team name) and
/// the SMTP server receipts go through. Replaced as a whole on reload.
public struct DeliveryConfiguration: Sendable, Hashable {
    /// Workers, time limits, retry schedule and limits.
    public var policy: DeliveryPolicy
    /// Endpoints by lower-cased team name.
    public var endpoints: [String: Endpoint]
    /// The SMTP server of receipts (`[acknowledge]`), if receipts are configured.
    public var smtp: SMTPSettings?

    /// Creates a configuration.
    public init(policy: DeliveryPolicy = DeliveryPolicy(), endpoints: [String: Endpoint] = [:], smtp: SMTPSettings? = nil) {
        self.policy = policy
        self.endpoints = endpoints
        self.smtp = smtp
    }

    /// The endpoint of `team`, compared without case.
    public func endpoint(forTeam team: String) -> Endpoint? {
        endpoints[team.lowercased()]
    }
}
