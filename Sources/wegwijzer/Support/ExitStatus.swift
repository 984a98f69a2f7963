/// The exit statuses of every command (DESIGN: command line).
enum ExitStatus: Int32 {
    /// Success.
    case success = 0
    /// A failed check or test.
    case failure = 1
    /// A usage or I/O error.
    case usage = 2
}

/// An error that ends a command with one line on stderr and exit status 2.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
