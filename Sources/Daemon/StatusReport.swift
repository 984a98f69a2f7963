import Delivery
import Foundation
import Intake
import Routing

/// What `wegwijzer status` shows, read from the state folder (the daemon need not run).
public struct StatusReport: Sendable {
    /// One team's queue.
    public struct Queue: Sendable {
        /// Team name.
        public var team: String
        /// Queue directory.
        public var path: String
        /// Messages waiting in `new/`.
        public var depth: Int
    }

    /// One drop source.
    public struct Source: Sendable {
        /// Source name.
        public var name: String
        /// Source type.
        public var type: String
        /// Inputs waiting to be taken.
        public var waiting: Int
        /// Inputs in `rejected/`.
        public var rejected: Int
    }

    /// Queues, in configuration order.
    public var queues: [Queue]
    /// Drop sources.
    public var sources: [Source]
    /// Automatic mail (auto-replies, bounces) set aside in `STATE/noise/`.
    public var noise: Int
    /// Committed messages not yet in their queue's `new/`.
    public var pending: Int
    /// Message IDs held for dedupe.
    public var committed: Int
    /// Dead letters in `STATE/dead/`.
    public var deadLetters: Int
    /// Age in seconds of the oldest dead letter.
    public var oldestDeadLetterAge: Int?
    /// The last error log lines (JSON objects).
    public var lastErrors: [String]

    /// Reads the state folder of `config`.
    public init(config: RoutingConfig) {
        let state = config.router.state
        queues = config.teams.map { team in
            let path = config.queuePath(forTeam: team.name)
            return Queue(team: team.name, path: path, depth: QueueDirectory(path: path).depth())
        }
        sources = config.sources.compactMap { source in
            guard let path = config.sourcePath(source) else { return nil }
            let folder: any InputFolder = source.type == .maildir
                ? MaildirFolder(path: path, deleteAfterRead: source.deleteAfterRead) : DropDirectory(path: path)
            return Source(name: source.name, type: source.type.rawValue,
                          waiting: folder.pending(limit: Int.max).count, rejected: folder.rejectedCount)
        }
        noise = DropDirectory.count(reasonsIn: state + "/noise")
        let journal = CommitJournal.read(directory: state + "/journal")
        pending = journal.unpublished.count
        committed = journal.committed
        let dead = StatusReport.files(in: state + "/dead", suffix: ".json")
        deadLetters = dead.count
        oldestDeadLetterAge = dead.map(\.age).max()
        lastErrors = EventLog.lastErrors(in: state + "/errors.log", count: 5)
    }

    private static func files(in directory: String, suffix: String) -> [(name: String, age: Int)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let now = Date()
        return names.filter { $0.hasSuffix(suffix) }.map { name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)
            let modified = attributes?[.modificationDate] as? Date ?? now
            return (name, Int(now.timeIntervalSince(modified)))
        }
    }
}
