import Messages

/// The webhook endpoints as a pure function from request and context to an action.
///
/// - `POST /v1/messages`: flat form JSON with an optional `channel` (default `webhook`)
/// - `POST /v1/forms`: flat form JSON or an Open Formulieren registration
/// - `POST /v1/calls`: a transcript, by `Content-Type`: `application/json` (Whisper),
///   `text/vtt`, `application/x-subrip` or `text/plain`
/// - `GET /healthz`, `GET /metrics`
///
/// Posts must carry a valid Standard Webhooks signature or an accepted bearer token, unless
/// the source has neither configured. The message ID comes from the `webhook-id` when sent,
/// else from the body, so a retried delivery gets the same ID.
public enum WebhookHandler {
    /// The longest `webhook-id` accepted.
    public static let maxWebhookIDLength = 256

    /// Decides what to do with `request`.
    public static func handle(_ request: HTTPRequest, context: WebhookContext) -> WebhookAction {
        switch request.path {
        case "/healthz", "/metrics":
            guard request.method == "GET" else { return methodNotAllowed("GET") }
            return request.path == "/healthz" ? .health : .metrics
        case "/v1/messages", "/v1/forms", "/v1/calls":
            guard request.method == "POST" else { return methodNotAllowed("POST") }
            return post(request, context: context)
        default:
            return .respond(.error(404, "no such endpoint"), refusal: "not-found")
        }
    }

    private static func post(_ request: HTTPRequest, context: WebhookContext) -> WebhookAction {
        let replayKey: String?
        let webhookID = request.headers["webhook-id"]
        let timestamp = request.headers["webhook-timestamp"]
        switch authenticate(request, id: webhookID, timestamp: timestamp, context: context) {
        case .refused:
            return .respond(.error(401, "unauthorized"), refusal: "unauthorized")
        case .accepted(let key):
            replayKey = key
        }
        if let webhookID {
            guard !webhookID.isEmpty, webhookID.utf8.count <= maxWebhookIDLength,
                  !webhookID.containsUTF8Byte(where: { $0 <= 0x20 || $0 >= 0x7F }) else {
                return .respond(.error(400, "webhook-id must be 1 to \(maxWebhookIDLength) visible ASCII characters",
                                       field: "webhook-id"), refusal: "bad-request")
            }
        }
        let kind: InputKind
        switch inputKind(request) {
        case .success(let found): kind = found
        case .failure(let response): return .respond(response, refusal: "unsupported-media-type")
        }
        let reference = SourceReference(name: context.sourceName, ref: webhookID ?? "")
        var normalized: NormalizedInput
        do {
            normalized = try InputNormalizer.normalize(request.body, kind: kind, source: reference, aliases: context.aliases)
        } catch {
            return refuse(error, json: kind == .formJSON || kind == .callWhisper)
        }
        if request.path == "/v1/messages" && !hasChannelKey(request.body) {
            normalized.message.channel = .webhook
        }
        let expires = max(context.now, Int64(timestamp ?? "") ?? 0) + StandardWebhooks.tolerance
        let identity = webhookID.map { Array($0.utf8) } ?? request.body
        return .intake(WebhookIntake(normalized: normalized, identity: identity, replayKey: replayKey, replayExpires: expires))
    }

    private enum Authentication {
        case accepted(replayKey: String?)
        case refused
    }

    /// `id` and `timestamp` are the request's `webhook-id` and `webhook-timestamp`.
    private static func authenticate(
        _ request: HTTPRequest, id: String?, timestamp: String?, context: WebhookContext
    ) -> Authentication {
        let credentials = context.credentials
        if credentials.isOpen { return .accepted(replayKey: nil) }
        if !credentials.tokenDigests.isEmpty, let authorization = request.headers["authorization"] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer",
               credentials.accepts(token: parts[1].httpTrimmed()) {
                return .accepted(replayKey: nil)
            }
        }
        guard !credentials.secrets.isEmpty else { return .refused }
        let refusal = StandardWebhooks.verify(id: id, timestamp: timestamp, signature: request.headers["webhook-signature"],
                                              body: request.body, keys: credentials.secrets, now: context.now)
        guard refusal == nil, let id, let timestamp else { return .refused }
        var replayKey = id  // ID NUL TIMESTAMP, in one allocation
        replayKey.reserveCapacity(id.utf8.count + 1 + timestamp.utf8.count)
        replayKey.append("\u{0}")
        replayKey.append(timestamp)
        return .accepted(replayKey: replayKey)
    }

    private enum KindResult {
        case success(InputKind)
        case failure(HTTPResponse)
    }

    private static func inputKind(_ request: HTTPRequest) -> KindResult {
        let type = request.mediaType
        if request.path == "/v1/calls" {
            switch type {
            case "application/json": return .success(.callWhisper)
            case "text/vtt": return .success(.callVTT)
            case "application/x-subrip": return .success(.callSRT)
            case "text/plain": return .success(.callText)
            default:
                return .failure(.error(415, "a call is application/json (Whisper), text/vtt, application/x-subrip or text/plain",
                                       field: "Content-Type"))
            }
        }
        if let type, type != "application/json" && !type.hasSuffix("+json") {
            return .failure(.error(415, "the body must be JSON (Content-Type: application/json)", field: "Content-Type"))
        }
        return .success(.formJSON)
    }

    private static func refuse(_ error: NormalizeError, json: Bool) -> WebhookAction {
        switch error {
        case .invalidJSON, .nestingTooDeep:
            if json {
                return .respond(.error(415, "the body is not JSON: \(error)"), refusal: "unsupported-media-type")
            }
            return .respond(.error(400, error.description), refusal: "bad-request")
        case .duplicateKey(let key, _):
            return .respond(.error(400, error.description, field: key), refusal: "bad-request")
        case .invalidBase64(let field), .invalidField(let field, _):
            return .respond(.error(400, error.description, field: field), refusal: "bad-request")
        case .emptyText:
            return .respond(.error(400, "nothing to route: no text, subject or attachment", field: "text"), refusal: "bad-request")
        case .invalidInput, .invalidTranscript, .sidecar:
            return .respond(.error(400, error.description), refusal: "bad-request")
        }
    }

    /// Whether the top-level JSON object has a `channel` member (a cheap byte test first).
    private static func hasChannelKey(_ body: [UInt8]) -> Bool {
        let found = body.withUnsafeBufferPointer { bytes in
            let needle: StaticString = "\"channel\""
            let count = needle.utf8CodeUnitCount
            var start = 0
            // Every match starts at a quote, and the scan stops at every quote.
            while true {
                start = JSONBytes.firstSpecial(in: bytes, from: start)
                guard start + count <= bytes.count else { return false }
                if UnsafeBufferPointer(rebasing: bytes[start..<(start + count)])
                    .elementsEqual(UnsafeBufferPointer(start: needle.utf8Start, count: count)) { return true }
                start += 1
            }
        }
        guard found else { return false }
        return (try? IntakeJSON.parse(body).object?["channel"]) != nil
    }

    private static func methodNotAllowed(_ allowed: String) -> WebhookAction {
        .respond(.error(405, "method not allowed", headers: [HTTPField("Allow", allowed)]), refusal: "method-not-allowed")
    }
}
