/// `wegwijzer find`: every stored item that concerns a person.
public enum PersonSearch {
    /// One item found, with the store that holds it (to erase it).
    public struct Found: Sendable {
        /// The item.
        public var item: StoredItem
        /// The store it came from.
        public var store: any PrivacyStore
    }

    /// Asks every store in order, handing each the message IDs found so far (and the ID
    /// asked for), and returns what they found, in store order.
    public static func find(_ query: PersonQuery, in stores: [any PrivacyStore]) -> [Found] {
        let matcher = PersonMatcher(query)
        var ids: Set<String> = query.kind == .id ? [query.value] : []
        var found: [Found] = []
        for store in stores {
            for item in store.find(matcher, ids: ids) {
                if let id = item.id { ids.insert(id) }
                found.append(Found(item: item, store: store))
            }
        }
        return found
    }
}
