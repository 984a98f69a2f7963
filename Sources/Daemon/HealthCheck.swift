import Glibc

/// `GET /healthz`: whether the state folder and every queue folder can take a message.
struct HealthCheck: Sendable {
    /// The state folder.
    let state: String
    /// The team queue folders (the queues root stands in for one not created yet).
    let queues: [String]
    let queuesRoot: String

    /// nil when all is well, else the first problem found.
    func problem() -> String? {
        for path in [state] + queues.map({ DurableFileProbe.exists($0) ? $0 : queuesRoot }) {
            if let problem = DurableFileProbe.writable(path) { return problem }
        }
        return nil
    }
}

/// Cheap checks of a folder: it exists, this process may write in it, and there is room.
enum DurableFileProbe {
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// nil when `path` is a folder this process can write in with free space; else why not.
    static func writable(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return "\(path): \(String(cString: strerror(errno)))" }
        guard info.st_mode & S_IFMT == S_IFDIR else { return "\(path) is not a folder" }
        guard access(path, W_OK | X_OK) == 0 else {
            return "\(path) is not writable: \(String(cString: strerror(errno)))"
        }
        var space = statvfs()
        guard statvfs(path, &space) == 0 else { return "\(path): \(String(cString: strerror(errno)))" }
        if space.f_bavail == 0 { return "no space left on the file system of \(path)" }
        if space.f_favail == 0 && space.f_files > 0 { return "no inodes left on the file system of \(path)" }
        return nil
    }
}
