import Glibc

/// Receives process signals synchronously: they are blocked in every thread and collected
/// with `sigtimedwait` by the thread that created the waiter (create it before any thread).
struct SignalWaiter {
    private var set = sigset_t()

    init(_ signals: [Int32]) {
        sigemptyset(&set)
        for number in signals { sigaddset(&set, number) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// The next signal, or nil after `timeout` seconds.
    func wait(timeout: Double) -> Int32? {
        var spec = timespec(tv_sec: Int(timeout), tv_nsec: Int((timeout - timeout.rounded(.down)) * 1e9))
        var local = set
        let number = sigtimedwait(&local, nil, &spec)
        return number > 0 ? number : nil
    }
}
