import Privacy

/// `wegwijzer forget`: erases every stored item that concerns a person (AVG article 17).
enum ForgetCommand: Command {
    static let kinds: [PersonQuery.Kind] = [.email, .phone, .id]
    static let spec = CommandSpec(
        name: "forget", usage: "forget [--config PATH] [--state DIR] (--email ADDR|--phone NUMBER|--id ID) [--dry-run]",
        summary: "erase every stored item that concerns a person",
        options: PersonArguments.stateOptions + PersonArguments.identifierOptions(kinds) + [
            .init(name: "--dry-run", valueName: nil, help: "list what would be erased; erase nothing"),
        ],
        details: """
            Erases what 'wegwijzer find' lists: messages in every queue folder, attachments,
            pending deliveries and receipts, dead letters, noise, rejected input, routed mail in a
            Maildir's cur/, the message's lines in the archive; the journal's conversation keys
            and the receipts ledger's address hashes are overwritten. Safe while the daemon runs: a delivery in flight finishes
            first, and an erased message is never sent afterwards. Writes a line to
            STATE/audit.log (who, the kind of identifier, counts; not the identifier). Exit 1 when
            nothing is found, 2 when an item could not be erased (run again to finish).
            """)

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        let query = try PersonArguments.query(arguments, kinds: kinds)
        let config = try PersonArguments.config(arguments)
        let stores = PrivacyStores.all(config)
        let found = PersonSearch.find(query, in: stores)
        guard !found.isEmpty else {
            printError("wegwijzer forget: nothing stored for that \(query.kind.rawValue == "id" ? "ID" : query.kind.rawValue)")
            return .failure
        }
        var output = OutputBuffer()
        if arguments.flag("--dry-run") {
            for entry in found { output.write(PersonArguments.text(entry.item)) }
            output.write("\(found.count) items would be erased\n")
            output.flush()
            return .success
        }
        let report = Erasure.run(found, query: query, stores: stores, state: config.router.state)
        let counts = report.counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }
        output.write("erased \(report.counts.values.reduce(0, +)) items" + (counts.isEmpty ? "" : ": " + counts.joined(separator: ", ")) + "\n")
        output.flush()
        for failure in report.failures { printError("wegwijzer forget: cannot erase \(failure)") }
        return report.failures.isEmpty ? .success : .usage
    }
}
