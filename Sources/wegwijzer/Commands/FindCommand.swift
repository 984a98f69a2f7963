import Privacy

/// `wegwijzer find`: every stored item that concerns a person (AVG article 15).
enum FindCommand: Command {
    static let kinds: [PersonQuery.Kind] = [.email, .phone, .name, .id]
    static let spec = CommandSpec(
        name: "find", usage: "find [--config PATH] [--state DIR] (--email ADDR|--phone NUMBER|--name TEXT|--id ID) [--json] [--export DIR]",
        summary: "list every stored item that concerns a person",
        options: PersonArguments.stateOptions + PersonArguments.identifierOptions(kinds) + [
            .init(name: "--json", valueName: nil, help: "one JSON object per item"),
            .init(name: "--export", valueName: "DIR", help: "also copy the items into DIR, for handing over"),
        ],
        details: """
            Searches the queues (new/ and claim folders), attachments, outbox, dead letters,
            noise, every source's rejected/ and a Maildir's cur/, the archive, the journal's
            conversation keys and the receipts ledger. One line per item: KIND, TIME, ID, PLACE and the
            FIELDS that matched, tab-separated. Exit 1 when nothing is found. The daemon may run.
            """)

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        let query = try PersonArguments.query(arguments, kinds: kinds)
        let config = try PersonArguments.config(arguments)
        let found = PersonSearch.find(query, in: PrivacyStores.all(config)).map(\.item)
        var output = OutputBuffer()
        for item in found {
            output.write(arguments.flag("--json") ? PersonArguments.json(item) : PersonArguments.text(item))
        }
        output.flush()
        if let directory = arguments.value("--export") {
            do {
                let files = try Export.write(found, to: absolutePath(directory))
                printError("wegwijzer find: \(files) files exported to \(directory)")
            } catch {
                throw CommandFailure("cannot export to \(directory): \(error)")
            }
        }
        return found.isEmpty ? .failure : .success
    }
}
