import Foundation

/// Lets many threads share one expensive operation (an fsync): each submits its request; one
/// of them, the leader, runs the operation for every request waiting at that moment, while
/// the requests that arrive meanwhile gather for the next round.
final class GroupCommit<Request: Sendable, Reply: Sendable>: @unchecked Sendable {
    // Sound: every stored property is read and written only with `condition` locked.
    private let condition = NSCondition()
    private var waiting: [(ticket: Int, request: Request)] = []
    private var replies: [Int: Reply] = [:]
    private var nextTicket = 0
    private var leading = false

    /// Submits `request` and returns its reply; `run` gets the requests of a round, in order,
    /// and returns one reply per request. Rounds never overlap.
    func submit(_ request: Request, run: ([Request]) -> [Reply]) -> Reply {
        condition.lock()
        defer { condition.unlock() }
        let ticket = nextTicket
        nextTicket += 1
        waiting.append((ticket, request))
        while true {
            if let reply = replies.removeValue(forKey: ticket) { return reply }
            if leading {
                condition.wait()
                continue
            }
            leading = true
            let round = waiting
            waiting.removeAll()
            condition.unlock()
            let results = run(round.map(\.request))
            condition.lock()
            for (item, reply) in zip(round, results) { replies[item.ticket] = reply }
            leading = false
            condition.broadcast()
        }
    }
}
