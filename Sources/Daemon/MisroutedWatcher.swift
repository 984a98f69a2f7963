import Corrections
import Delivery
import Dispatch
import Foundation
import Messages
import Routing
import Storage
import Synchronization

/// Takes messages that team tools hand back by moving them into `QUEUE/misrouted/` (the same
/// gesture as a claim), routes each again without the team that returned it, and moves it with
/// ``Rerouter``: to the best other team that clears the thresholds, else to the fallback team.
/// An optional `ID.note` beside the file becomes the correction's note.
///
/// The folders are looked at every ``interval`` seconds; a file that cannot be read as a message
/// is logged once and left where it is.
final class MisroutedWatcher: Sendable {
    /// Seconds between two looks at the `misrouted/` folders.
    static let interval: TimeInterval = 1

    private let pipeline: MessagePipeline
    private let stop = StopSignal()
    private let done = DispatchSemaphore(value: 0)
    /// Files already logged as unreadable, so that each is logged once.
    private let reported = Mutex<Set<String>>([])

    init(pipeline: MessagePipeline) {
        self.pipeline = pipeline
    }

    /// Creates the `misrouted/` folder of every queue (group-writable, like `new/`) and starts
    /// looking at them.
    func start(queues: [String]) {
        prepare(queues: queues)
        Thread.detachNewThread { [self] in
            while !stop.isStopped {
                takeHandedBack()
                Thread.sleep(forTimeInterval: Self.interval)
            }
            done.signal()
        }
    }

    /// Creates the queues and their `misrouted/` folders where missing (at start, and for the
    /// teams a reload adds).
    func prepare(queues: [String]) {
        for queue in queues {
            try? QueueDirectory(path: queue).prepare()
            let group = try? DurableFile.group(of: queue)
            _ = try? DurableFile.makeDirectories(at: queue + "/" + QueueCopies.misrouted, mode: 0o2770, group: group)
        }
    }

    /// Stops looking, after the message in hand.
    func stopAndWait(deadline: DispatchTime) {
        stop.stop()
        _ = done.wait(timeout: deadline)
    }

    /// Moves every message now in a `misrouted/` folder.
    func takeHandedBack() {
        let router = pipeline.routers.router
        let config = router.config
        for team in config.teams {
            let queue = config.queuePath(forTeam: team.name)
            let folder = queue + "/" + QueueCopies.misrouted
            let names = (try? DurableFile.listDirectory(at: folder)) ?? []
            for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
                guard !stop.isStopped else { return }
                take(id: String(name.dropLast(5)), file: folder + "/" + name, from: team, router: router)
            }
        }
    }

    private func take(id: String, file: String, from team: TeamConfig, router: Router) {
        let config = router.config
        let log = pipeline.log
        do {
            let bytes = try DurableFile.readFile(at: file)
            let (routed, decision) = router.route(try MessageJSON.decode(Data(bytes)))
            // An area team that hands a message back hands back the teams it took it over from too.
            var next = NextTeam.choose(decision, excluding: [team.name] + team.takes, settings: config.router)
            if !next.fallback, let taker = router.areaTeam(taking: next.team, in: decision),
               taker.lowercased() != team.name.lowercased() {
                next.team = taker  // the next team's area team where the message lies
            }
            let nextTeam = config.team(named: next.team)
            var routing = routed.routing
            routing?.fallback = next.fallback
            routing?.score = next.score
            let note = noteText(id: id, folder: (file as NSString).deletingLastPathComponent)
            let rerouter = pipeline.rerouter
            try rerouter.withLock {
                // Another taker (a reroute) may have moved it meanwhile.
                guard DurableFile.exists(file) else { return }
                try rerouter.move(
                    id: id, file: file, from: .init(name: team.name, queue: config.queuePath(forTeam: team.name)),
                    to: .init(name: next.team, queue: config.queuePath(forTeam: next.team), endpoint: nextTeam?.endpoint),
                    note: note, routing: routing)
            }
            log.log(.info, "rerouted", ["id": id, "from": team.name, "team": next.team, "reason": "handed back"])
        } catch {
            if reported.withLock({ $0.insert(file).inserted }) {
                log.log(.error, "reroute-failed", ["id": id, "file": file, "reason": "\(error)"])
            }
        }
    }

    /// The first line of `ID.note`, at most 300 characters, or empty.
    private func noteText(id: String, folder: String) -> String {
        guard let bytes = try? DurableFile.readFile(at: folder + "/" + id + ".note", maxSize: 64 * 1024) else { return "" }
        let line = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).first ?? ""
        return String(line.trimmingCharacters(in: .whitespaces).prefix(300))
    }
}
