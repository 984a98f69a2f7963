import Foundation
import Messages
import Privacy
import Routing

/// The options `find` and `forget` share: the configuration and state, and the one identifier
/// of the person (`--email`, `--phone`, `--name`, `--id`).
enum PersonArguments {
    /// The options of the configuration and state.
    static let stateOptions: [CommandSpec.Option] = [
        .init(name: "--config", valueName: "PATH", help: "the configuration whose state and queues to search"),
        .init(name: "--state", valueName: "DIR", help: "state folder, overriding [router] state"),
    ]

    /// The identifier options, for `kinds`.
    static func identifierOptions(_ kinds: [PersonQuery.Kind]) -> [CommandSpec.Option] {
        kinds.map { kind in
            switch kind {
            case .email: .init(name: "--email", valueName: "ADDR", help: "an e-mail address (compared without case)")
            case .phone: .init(name: "--phone", valueName: "NUMBER", help: "a Dutch telephone number (compared as +31...)")
            case .name: .init(name: "--name", valueName: "TEXT", help: "a name or part of one (without case or accents)")
            case .id: .init(name: "--id", valueName: "ID", help: "a message ID")
            }
        }
    }

    /// The configuration, with `--state` applied.
    static func config(_ arguments: ParsedArguments) throws -> RoutingConfig {
        let config = try loadValidConfig(arguments.value("--config"))
        return arguments.value("--state").map { config.withState(absolutePath($0)) } ?? config
    }

    /// The one identifier given among `kinds`; a usage error when none, more than one, or a
    /// malformed one is given.
    static func query(_ arguments: ParsedArguments, kinds: [PersonQuery.Kind]) throws -> PersonQuery {
        guard arguments.positionals.isEmpty else { throw UsageError("takes no arguments besides its options") }
        let given = kinds.compactMap { kind in arguments.value("--" + kind.rawValue).map { (kind, $0) } }
        let names = kinds.map { "--" + $0.rawValue }.joined(separator: ", ")
        guard given.count == 1, (arguments.values["--" + given[0].0.rawValue]?.count ?? 0) == 1 else {
            throw UsageError("give exactly one of \(names)")
        }
        do {
            return try PersonQuery(kind: given[0].0, text: given[0].1)
        } catch {
            throw UsageError(error.description)
        }
    }

    /// One line per item: `KIND<TAB>TIME<TAB>ID<TAB>PLACE<TAB>FIELDS`.
    static func text(_ item: StoredItem) -> String {
        let time = item.time.map { ISO8601DateFormatter().string(from: $0) } ?? "-"
        return [item.kind.rawValue, time, item.id ?? "-", item.place, item.fields.joined(separator: ",")]
            .joined(separator: "\t") + "\n"
    }

    /// One JSON object per item: `kind`, `place`, `id`, `time`, `fields`.
    static func json(_ item: StoredItem) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.member(literal: "kind", item.kind.rawValue)
        json.member(literal: "place", item.place)
        json.member(literal: "id", item.id)
        json.member(literal: "time", item.time.map { ISO8601DateFormatter().string(from: $0) })
        json.key(literal: "fields")
        json.beginArray()
        for field in item.fields { json.string(field) }
        json.endArray()
        json.endObject()
        return String(decoding: json.bytes, as: UTF8.self) + "\n"
    }
}
