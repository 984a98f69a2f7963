#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Messages
import Storage

/// `STATE/audit.log`: one JSON line per erasure, saying who asked, the kind of identifier and
/// how many items of each kind went, never the identifier itself. Each line is fsynced (and the
/// folder, when the file is new) before `forget` reports success.
public enum AuditLog {
    /// The file's name in the state folder.
    public static let name = "audit.log"

    /// Appends the line of an erasure durably.
    public static func record(state: String, kind: PersonQuery.Kind, counts: [StoreKind: Int], failures: Int,
                              now: Date = Date()) throws(IOFailure) {
        var json = JSONWriter()
        json.beginObject()
        json.member(literal: "ts", ISO8601DateFormatter().string(from: now))
        json.member(literal: "event", "forget")
        json.member(literal: "by", requester())
        json.member(literal: "identifier", kind.rawValue)
        json.key(literal: "items")
        json.beginObject()
        for (kind, count) in counts.sorted(by: { $0.key < $1.key }) {
            json.key(kind.rawValue)
            json.integer(count)
        }
        json.endObject()
        json.key(literal: "failures")
        json.integer(failures)
        json.endObject()
        let path = state + "/" + name
        let existed = DurableFile.exists(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw .current(.open, path) }
        defer { close(fd) }
        try DurableFile.writeAll(json.bytes + [0x0A], to: fd, path: path)
        guard fsync(fd) == 0 else { throw .current(.sync, path) }
        if !existed { try DurableFile.syncDirectory(at: state) }
    }

    /// Who runs the command: the user, and the one behind `sudo` when there is one.
    static func requester() -> String {
        let uid = getuid()
        let user = getpwuid(uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(uid)"
        if let sudo = ProcessInfo.processInfo.environment["SUDO_USER"], !sudo.isEmpty, sudo != user {
            return "\(user) (sudo by \(sudo))"
        }
        return user
    }
}
