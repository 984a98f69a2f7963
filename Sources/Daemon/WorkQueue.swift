import Dispatch
import Synchronization

/// A first-in first-out queue between producer threads and worker threads that block until
/// there is work. After ``close()`` the workers drain what is left, then get nil.
final class WorkQueue<Item: Sendable>: Sendable {
    private struct State {
        var items: [Item] = []
        var head = 0
        var closed = false
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    private let consumers: Int

    /// A queue for `consumers` worker threads.
    init(consumers: Int) {
        self.consumers = consumers
    }

    /// Adds work.
    func push(_ item: Item) {
        state.withLock { $0.items.append(item) }
        available.signal()
    }

    /// The next item; blocks until there is one; nil once closed and empty.
    func pop() -> Item? {
        available.wait()
        return take()
    }

    private func take() -> Item? {
        state.withLock { state -> Item? in
            guard state.head < state.items.count else { return nil }
            let item = state.items[state.head]
            state.head += 1
            if state.head == state.items.count {
                state.items.removeAll(keepingCapacity: true)
                state.head = 0
            } else if state.head > 1024 && state.head * 2 > state.items.count {
                state.items.removeFirst(state.head)
                state.head = 0
            }
            return item
        }
    }

    /// Up to `limit` items in order: blocks until there is one, then takes what else is there
    /// without waiting; nil once closed and empty.
    func popBatch(limit: Int) -> [Item]? {
        guard let first = pop() else { return nil }
        var batch = [first]
        while batch.count < limit, available.wait(timeout: .now()) == .success {
            guard let item = take() else {
                available.signal()  // a wake-up from close(): leave it for the next pop
                break
            }
            batch.append(item)
        }
        return batch
    }

    /// Lets every worker finish: those waiting on an empty queue get nil.
    func close() {
        state.withLock { $0.closed = true }
        for _ in 0..<consumers { available.signal() }
    }
}
