import Archive
import Messages

extension ArchiveRecord {
    /// The archive record of a routed message; ``queuedAt`` and ``delayMilliseconds`` are filled
    /// in at its commit.
    init(_ message: Message) {
        let routing = message.routing
        self.init(
            id: message.id, receivedAt: message.receivedAt, queuedAt: "", delayMilliseconds: 0,
            channel: message.channel.rawValue, source: message.source.name, team: routing?.team ?? "",
            priority: routing?.priority ?? "normal", fallback: routing?.fallback ?? false, score: routing?.score ?? 0,
            area: message.location.area ?? "", signals: routing?.signals.map(\.term) ?? [],
            subject: message.subject, text: message.text)
    }
}
