import Glibc
import Intake
import Synchronization

/// A webhook source's secrets and tokens, read again when their files change (so a secret
/// can be rotated without a restart): the files are looked at every few seconds.
final class CredentialStore: Sendable {
    private struct State {
        var credentials: WebhookCredentials
        var stamp: [Int64]
        var checked: Int64
    }

    private let secretFile: String?
    private let tokenFile: String?
    private let log: EventLog
    private let source: String
    private let state: Mutex<State>
    /// Seconds between looks at the files.
    static let interval: Int64 = 2

    /// Reads the files; throws when a file given cannot be used.
    init(source: String, secretFile: String?, tokenFile: String?, log: EventLog) throws(WebhookCredentials.Failure) {
        self.secretFile = secretFile
        self.tokenFile = tokenFile
        self.log = log
        self.source = source
        let credentials = try WebhookCredentials.load(secretFile: secretFile, tokenFile: tokenFile)
        state = Mutex(State(credentials: credentials, stamp: CredentialStore.stamp([secretFile, tokenFile]),
                            checked: Int64(time(nil))))
    }

    /// The credentials in force at `now` (Unix seconds).
    func current(now: Int64) -> WebhookCredentials {
        let (credentials, due) = state.withLock { state -> (WebhookCredentials, Bool) in
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
                $0.credentials = fresh
                $0.stamp = stamp
            }
            log.log(.info, "credentials-reloaded", ["source": source])
            return fresh
        } catch {
            state.withLock { $0.stamp = stamp }
            log.log(.error, "credentials-unreadable", ["source": source, "reason": error.description])
            return credentials
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
