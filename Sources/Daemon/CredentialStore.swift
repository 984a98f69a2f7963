import Glibc
import Intake
import Synchronization

/// A webhook source's secrets and tokens, read again when their files change (so a secret
/// can be rotated without a restart): the files are looked at every few seconds.
///
/// When a file cannot be used, the source fails closed: with no credentials read yet, posts
/// are refused until the files are fixed; after a good read, the last good credentials stay.
final class CredentialStore: Sendable {
    private struct State {
        var credentials: Result<WebhookCredentials, WebhookCredentials.Failure>
        var stamp: [Int64]?
        var checked: Int64 = 0
    }

    private let secretFile: String?
    private let tokenFile: String?
    private let log: EventLog
    private let source: String
    private let state: Mutex<State>
    /// Seconds between looks at the files.
    static let interval: Int64 = 2

    init(source: String, secretFile: String?, tokenFile: String?, log: EventLog) {
        self.secretFile = secretFile
        self.tokenFile = tokenFile
        self.log = log
        self.source = source
        state = Mutex(State(credentials: .failure(.init(description: "not read yet"))))
    }

    /// The credentials in force at `now` (Unix seconds), or why there are none.
    func current(now: Int64) -> Result<WebhookCredentials, WebhookCredentials.Failure> {
        let (credentials, due) = state.withLock { state in
            let due = now - state.checked >= Self.interval
            if due { state.checked = now }
            return (state.credentials, due)
        }
        guard due else { return credentials }
        let stamp = Self.stamp([secretFile, tokenFile])
        guard stamp != state.withLock({ $0.stamp }) else { return credentials }
        do {
            let fresh = try WebhookCredentials.load(secretFile: secretFile, tokenFile: tokenFile)
            state.withLock {
                $0.credentials = .success(fresh)
                $0.stamp = stamp
            }
            if case .success = credentials { log.log(.info, "credentials-reloaded", ["source": source]) }
            return .success(fresh)
        } catch {
            log.log(.error, "credentials-unreadable", ["source": source, "reason": error.description])
            return state.withLock { state in
                state.stamp = stamp
                if case .failure = state.credentials { state.credentials = .failure(error) }
                return state.credentials
            }
        }
    }

    /// Inode, size and modification time of each file, to notice a change.
    private static func stamp(_ paths: [String?]) -> [Int64] {
        paths.flatMap { path -> [Int64] in
            var info = stat()
            guard let path, stat(path, &info) == 0 else { return [-1] }
            return [Int64(info.st_ino), Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec)]
        }
    }
}
