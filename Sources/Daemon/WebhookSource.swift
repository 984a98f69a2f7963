import Delivery
import Foundation
import Glibc
import Intake
import Messages
import Routing

/// Serves a `type = webhook` source: an HTTP/1.1 server on its addresses (or on sockets from
/// systemd), whose requests are decided with ``WebhookHandler`` and committed through the
/// pipeline in batches. A post is answered 202 only once its message is committed; the posts
/// of many connections share one commit.
final class WebhookSource: Sendable {
    let config: SourceConfig
    private let pipeline: MessagePipeline
    private let log: EventLog
    private let stop: StopSignal
    private let metrics: Metrics
    private let inherited: [Int32]
    private let secretFile: String?
    private let tokenFile: String?
    private let health: HealthCheck
    private let teamQueues: [(team: String, path: String)]
    private let deadLetters: String
    private let replays: ReplayGuard

    /// Threads that decide requests (parse, authenticate, normalize, route, stage), per source.
    static let deciders = 4
    /// Threads that commit batches of messages, per source: while one publishes its batch,
    /// the other stages and commits the next.
    static let committers = 2
    /// Most messages committed in one batch.
    static let batchLimit = 256

    init(config: SourceConfig, routing: RoutingConfig, pipeline: MessagePipeline, log: EventLog, stop: StopSignal,
         metrics: Metrics, inherited: [Int32], replays: ReplayGuard) {
        self.config = config
        self.replays = replays
        self.pipeline = pipeline
        self.log = log
        self.stop = stop
        self.metrics = metrics
        self.inherited = inherited
        let state = routing.router.state
        secretFile = config.secretFile.map { routing.resolvedPath($0, base: state) }
        tokenFile = config.tokenFile.map { routing.resolvedPath($0, base: state) }
        health = HealthCheck(state: state, queues: routing.queuePaths, queuesRoot: routing.queuesRoot)
        teamQueues = routing.teams.map { ($0.name, routing.queuePath(forTeam: $0.name)) }
        deadLetters = state + "/dead"
    }

    /// The limits of the source's listener.
    var limits: HTTPLimits {
        HTTPLimits(maxBody: config.maxSize, headerTimeout: config.headerTimeout, bodyTimeout: config.bodyTimeout,
                   idleTimeout: config.idleTimeout, maxConnections: config.maxConnections)
    }

    /// Serves until the stop signal is set and every request in hand is answered. Addresses
    /// that cannot be bound yet (in use) are tried again every few seconds.
    ///
    /// Decider threads take requests from the server, decide them with ``WebhookHandler``, and
    /// route and stage their messages; staged messages go to committer threads, which take all
    /// that are waiting and commit them in one batch (one file system sync and one journal
    /// fsync for all of them), then answer each request.
    func run() {
        let credentials = CredentialStore(source: config.name, secretFile: secretFile, tokenFile: tokenFile, log: log)
        _ = credentials.current(now: Int64(time(nil)))
        guard let server = openServer() else { return }
        let exposure = exposedWithoutCredentials()
        WebhookSource.raiseDescriptorLimit(to: UInt(config.maxConnections) + 256)
        let requests = WorkQueue<HTTPExchange>(consumers: Self.deciders)
        let commits = WorkQueue<PendingCommit>(consumers: Self.committers)
        let decided = DispatchSemaphore(value: 0)
        let committed = DispatchSemaphore(value: 0)
        for _ in 0..<Self.deciders {
            Thread.detachNewThread { [self] in
                while let exchange = requests.pop() {
                    let ticket = exchange.ticket
                    decide(exchange.request, credentials: credentials, exposure: exposure, commits: commits) {
                        server.respond(ticket, with: $0)
                    }
                }
                decided.signal()
            }
        }
        for _ in 0..<Self.committers {
            Thread.detachNewThread { [self] in
                while let batch = commits.popBatch(limit: Self.batchLimit) { commit(batch) }
                committed.signal()
            }
        }
        let metrics = self.metrics
        let events = HTTPServerEvents { status, refusal in
            metrics.httpResponse(status: status)
            if let refusal { metrics.rejected(reason: refusal) }
        }
        let shutdown = HTTPResponse.error(503, "shutting down", headers: [HTTPField("Retry-After", "5")], close: true)
        server.run(isStopped: { stop.isStopped }, shutdownResponse: shutdown, events: events) { requests.push($0) }
        requests.close()
        for _ in 0..<Self.deciders { decided.wait() }
        commits.close()
        for _ in 0..<Self.committers { committed.wait() }
    }

    /// The server, once its sockets are open; nil when stopped before.
    private func openServer() -> HTTPServer? {
        var reported = false
        while !stop.isStopped {
            do {
                return try bindServer()
            } catch {
                if !reported { log.log(.error, "source-failed", ["source": config.name, "reason": "\(error)"]) }
                reported = true
                for _ in 0..<20 where !stop.isStopped { usleep(100_000) }
            }
        }
        return nil
    }

    /// Listens on the inherited sockets, or else on the configured addresses.
    private func bindServer() throws(ListenSocket.Failure) -> HTTPServer {
        if !inherited.isEmpty {
            log.log(.info, "webhook-listening", ["source": config.name, "sockets": "\(inherited.count) from systemd"])
            return try HTTPServer(listeners: inherited, owned: [], limits: limits)
        }
        var sockets: [Int32] = []
        do throws(ListenSocket.Failure) {
            for address in config.listen { sockets += try ListenSocket.open(address) }
        } catch {
            for fd in sockets { close(fd) }
            throw error
        }
        log.log(.info, "webhook-listening", ["source": config.name, "listen": config.listen.joined(separator: ",")])
        return try HTTPServer(listeners: sockets, owned: Set(sockets), limits: limits)
    }

    /// A message staged and waiting to be committed, and how to answer its request.
    private struct PendingCommit: Sendable {
        let prepared: MessagePipeline.Prepared
        let replayKey: String?
        let reply: @Sendable (HTTPResponse) -> Void
    }

    /// Why this source must not take posts at all: it has no secret or token, yet a socket
    /// handed over by systemd is reachable from beyond this machine (`check` sees only `listen`).
    private func exposedWithoutCredentials() -> String? {
        guard !inherited.isEmpty, secretFile == nil, tokenFile == nil else { return nil }
        for fd in inherited {
            let bound = ListenSocket.boundAddress(fd)
            guard bound?.isLocal != true else { continue }
            let reason = "webhook source '\(config.name)' has no secret or token, but systemd handed it a socket on "
                + (bound?.address ?? "an unknown address") + ", which is not loopback; posts are refused"
            log.log(.error, "source-exposed", ["source": config.name, "reason": reason])
            return reason
        }
        return nil
    }

    /// Decides one request: answers it at once, or hands its message to the committers.
    private func decide(_ request: HTTPRequest, credentials: CredentialStore, exposure: String?,
                        commits: WorkQueue<PendingCommit>, reply: @escaping @Sendable (HTTPResponse) -> Void) {
        let now = Int64(time(nil))
        let known: WebhookCredentials
        // Fail closed: without readable secrets or tokens, or with none where they are needed,
        // no post is taken.
        switch exposure.map({ .failure(WebhookCredentials.Failure(description: $0)) }) ?? credentials.current(now: now) {
        case .success(let value):
            known = value
        case .failure(let failure):
            if request.path == "/healthz" {
                return reply(.json(503, "{\"status\":\"unavailable\",\"reason\":" + JSONString.quote(failure.description) + "}"))
            }
            if request.path.hasPrefix("/v1/") {
                metrics.rejected(reason: exposure == nil ? "credentials-unavailable" : "exposed-without-credentials")
                let message = exposure == nil
                    ? "the source's secrets or tokens cannot be read" : "the source may not take posts here"
                return reply(.error(503, message, headers: [HTTPField("Retry-After", "10")]))
            }
            known = .refusingAll
        }
        let context = WebhookContext(sourceName: config.name, aliases: FieldAliases(config.fieldAliases),
                                     credentials: known, now: now)
        switch WebhookHandler.handle(request, context: context) {
        case .respond(let response, let refusal):
            if let refusal { metrics.rejected(reason: refusal) }
            reply(response)
        case .health:
            if let problem = health.problem() {
                reply(.json(503, "{\"status\":\"unavailable\",\"reason\":" + JSONString.quote(problem) + "}"))
            } else {
                reply(.json(200, "{\"status\":\"ok\"}"))
            }
        case .metrics:
            let text = MetricsText.render(metrics.snapshot, gauges())
            reply(HTTPResponse(status: 200, headers: HTTPHeaders([HTTPField("Content-Type", MetricsText.contentType)]),
                               body: Array(text.utf8)))
        case .intake(let intake):
            if let key = intake.replayKey, !replays.admit(key, expires: intake.replayExpires, now: now) {
                metrics.rejected(reason: "replay")
                return reply(.error(401, "unauthorized"))
            }
            // Routed and staged here, on the decider threads; the committers only sync and commit.
            let input = MessagePipeline.Input(source: config, identity: intake.identity, normalized: intake.normalized)
            // A post whose ID is being committed by another request waits for that commit's outcome.
            let prepared = pipeline.prepare(input, waitingForSameID: true)
            commits.push(PendingCommit(prepared: prepared, replayKey: intake.replayKey, reply: reply))
        }
    }

    /// Commits a batch and answers each request once its outcome is final (before publishing).
    private func commit(_ batch: [PendingCommit]) {
        _ = pipeline.commit(batch.map(\.prepared)) { outcomes in
            for (pending, outcome) in zip(batch, outcomes) {
                pending.reply(response(for: outcome, replayKey: pending.replayKey))
            }
        }
    }

    private func response(for outcome: MessagePipeline.Outcome, replayKey: String?) -> HTTPResponse {
        switch outcome {
        case .committed(let id, let team, _):
            return .json(202, "{\"id\":" + JSONString.quote(id) + ",\"team\":" + JSONString.quote(team) + "}")
        case .duplicate(let id):
            let team = pipeline.team(ofCommitted: id).map { ",\"team\":" + JSONString.quote($0) } ?? ""
            return .json(202, "{\"id\":" + JSONString.quote(id) + team + ",\"duplicate\":true}")
        case .failed(_, let diskFull):
            if let replayKey { replays.forget(replayKey) }
            if diskFull {
                return .error(503, "the disk is full; try again later", headers: [HTTPField("Retry-After", "60")])
            }
            return .error(500, "the message could not be committed")
        }
    }

    private func gauges() -> MetricsText.Gauges {
        let dead = ((try? FileManager.default.contentsOfDirectory(atPath: deadLetters)) ?? []).filter { $0.hasSuffix(".json") }
        return MetricsText.Gauges(
            queueDepths: teamQueues.map { ($0.team, QueueDirectory(path: $0.path).depth()) },
            deadLetters: dead.count, residentBytes: ProcessStats.residentBytes(), uptime: metrics.uptime)
    }

    /// Raises the soft limit of open descriptors towards `wanted` (up to the hard limit).
    private static func raiseDescriptorLimit(to wanted: UInt) {
        var limit = rlimit()
        guard getrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0, limit.rlim_cur < wanted else { return }
        limit.rlim_cur = min(limit.rlim_max, rlim_t(wanted))
        _ = setrlimit(RLIMIT_NOFILE_VALUE, &limit)
    }
}

/// `RLIMIT_NOFILE`, as the type `getrlimit` takes on Glibc.
private let RLIMIT_NOFILE_VALUE = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)

