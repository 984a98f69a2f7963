#if canImport(Glibc)
import Glibc
#endif

extension DurableFile {
    /// When the process runs as root (an operator's command beside the daemon), gives the open
    /// file `descriptor` the owner and group of its folder `directory`, so that the daemon, which
    /// owns the folder, can still write the file. Does nothing for other users.
    public static func giveToFolderOwner(_ descriptor: Int32, path: String, directory: String) throws(IOFailure) {
        guard let owner = try folderOwnerForRoot(directory) else { return }
        guard fchown(descriptor, owner.st_uid, owner.st_gid) == 0 else { throw IOFailure.current(.changeGroup, path) }
    }

    /// The same for a file or folder by its path (not following a symbolic link).
    public static func giveToFolderOwner(path: String, directory: String) throws(IOFailure) {
        guard let owner = try folderOwnerForRoot(directory) else { return }
        guard lchown(path, owner.st_uid, owner.st_gid) == 0 else { throw IOFailure.current(.changeGroup, path) }
    }

    /// The status of `directory` when the process runs as root and the folder is not root's.
    private static func folderOwnerForRoot(_ directory: String) throws(IOFailure) -> stat? {
        guard geteuid() == 0 else { return nil }
        var owner = stat()
        guard stat(directory, &owner) == 0 else { throw IOFailure.current(.inspect, directory) }
        return owner.st_uid != 0 ? owner : nil
    }
}
