/// A folder a source takes its inputs from: a drop directory or a Maildir.
public protocol InputFolder: Sendable {
    /// The directory that receives new inputs (watched with inotify).
    var incomingPath: String { get }
    /// Complete inputs, oldest first, at most `limit`.
    func pending(limit: Int) -> [DropDirectory.Item]
    /// Reads an input whole, refusing one larger than `maxSize` bytes.
    func read(_ name: String, maxSize: Int) throws -> [UInt8]
    /// Acknowledges an input once its message is committed (removes or files it).
    func acknowledge(_ name: String) throws
    /// Moves an input that can never be routed to `rejected/`, with `NAME.reason`.
    func reject(_ name: String, reason: String) throws
    /// Moves an input into `directory`, with `NAME.reason` (noise: auto-replies, bounces).
    func setAside(_ name: String, in directory: String, reason: String) throws
    /// Number of rejected inputs.
    var rejectedCount: Int { get }
}

extension DropDirectory: InputFolder {
    /// The drop directory itself.
    public var incomingPath: String { path }

    /// Removes the input and its sidecar.
    public func acknowledge(_ name: String) throws { remove(name) }
}
