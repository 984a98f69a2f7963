#if canImport(Glibc)
import Glibc
#endif

extension DurableFile {
    /// When the process runs as root (an operator's command beside the daemon), gives the open
    /// file `descriptor` the owner and group of its folder `directory`, so that the daemon, which
    /// owns the folder, can still write the file. Does nothing for other users.
    public static func giveToFolderOwner(_ descriptor: Int32, path: String, directory: String) throws(IOFailure) {
        guard geteuid() == 0 else { return }
        var owner = stat()
        guard stat(directory, &owner) == 0 else { throw IOFailure.current(.inspect, directory) }
        guard owner.st_uid != 0 else { return }
        guard fchown(descriptor, owner.st_uid, owner.st_gid) == 0 else { throw IOFailure.current(.changeGroup, path) }
    }
}
