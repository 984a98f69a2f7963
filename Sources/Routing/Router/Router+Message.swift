import Messages

/// What a message's own channel says beyond its words, applied after the signals.
public struct RoutingContext: Sendable {
    /// A call source's `min-confidence`: a transcript below it goes to the fallback team.
    public var minConfidence: Double?
    /// The team an earlier message of the same conversation went to, and that message's ID.
    public var conversation: (team: String, id: String)?

    /// Creates a context.
    public init(minConfidence: Double? = nil, conversation: (team: String, id: String)? = nil) {
        self.minConfidence = minConfidence
        self.conversation = conversation
    }
}

extension Router {
    /// Routes a normalized message and returns it with `routing` and `location` filled in.
    public func route(_ message: Message, context: RoutingContext = RoutingContext()) -> (Message, Decision) {
        var decision = route(subject: message.subject, text: message.text, entities: true, given: message.location)
        if let conversation = context.conversation, config.team(named: conversation.team) != nil {
            decision.team = config.team(named: conversation.team)?.name ?? conversation.team
            decision.fallback = false
            decision.reason = .override("reply to \(conversation.id)")
        } else if let minimum = context.minConfidence, case .number(let confidence)? = message.channelData["asrConfidence"],
                  confidence < minimum, decision.reason != .empty {
            decision.team = config.router.fallback
            decision.fallback = true
            decision.reason = .override("low transcription confidence (\(confidence) < \(minimum))")
        }
        var routed = message
        routed.location = merged(message.location, decision.entities)
        routed.routing = RoutingSummary(
            team: decision.team, score: decision.score, confidence: decision.confidence,
            fallback: decision.fallback, priority: decision.priority.rawValue, reason: decision.reason.description,
            signals: decision.matches.map { MatchedSignal(term: $0.term, team: $0.team, weight: $0.weight, learned: $0.learned) },
            configHash: config.configHash)
        return (routed, decision)
    }

    private func merged(_ given: Location, _ found: DetectedEntities) -> Location {
        var location = given
        if location.postcode == nil { location.postcode = found.postcode }
        if location.houseNumber == nil { location.houseNumber = found.houseNumber }
        if location.street == nil { location.street = found.street }
        if location.place == nil { location.place = found.place }
        // The area comes from the form's fields and the words together (see AreaIndex.find).
        location.area = found.area
        location.areaBy = found.area == nil ? nil : found.finding?.by.rawValue
        return location
    }
}

extension Location {
    /// The location the router found in a message's words.
    public init(_ entities: DetectedEntities) {
        self.init(postcode: entities.postcode, houseNumber: entities.houseNumber, street: entities.street,
                  place: entities.place, area: entities.area,
                  areaBy: entities.area == nil ? nil : entities.finding?.by.rawValue)
    }
}
