/// What delivery works with: the policy and each team's endpoint (by lower-cased team name).
/// Replaced as a whole on reload.
public struct DeliveryConfiguration: Sendable, Hashable {
    /// Workers, time limits, retry schedule and limits.
    public var policy: DeliveryPolicy
    /// Endpoints by lower-cased team name.
    public var endpoints: [String: Endpoint]

    /// Creates a configuration.
    public init(policy: DeliveryPolicy = DeliveryPolicy(), endpoints: [String: Endpoint] = [:]) {
        self.policy = policy
        self.endpoints = endpoints
    }

    /// The endpoint of `team`, compared without case.
    public func endpoint(forTeam team: String) -> Endpoint? {
        endpoints[team.lowercased()]
    }
}
