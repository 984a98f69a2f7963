/// The `[router]` retention keys: how long each kind of stored data is kept before the hourly
/// sweep removes it, in seconds. `nil` keeps that kind (no removal).
///
/// `retention` is the default of every kind; `retention-claimed`, `retention-dead`,
/// `retention-noise`, `retention-rejected` and `retention-outbox` override it for one kind.
/// Messages still in a queue's `new/` are never removed: they are only counted.
public struct RetentionSettings: Sendable, Hashable {
    /// One kind of data the sweep removes.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Messages in a queue's claim folders (`cur/` and the like), with their attachments.
        case claimed
        /// Dead letters, `STATE/dead/`.
        case dead
        /// Automatic mail set aside in `STATE/noise/`.
        case noise
        /// Input that could not be routed, in every source's `rejected/`.
        case rejected
        /// Finished and unreadable outbox files in `STATE/outbox/`.
        case outbox

        /// The configuration key that overrides ``RetentionSettings/default`` for this kind.
        public var key: String { "retention-" + rawValue }
    }

    /// `retention`: the period of every kind without its own key. The age past which an
    /// unclaimed message is counted as older than retention is the claimed messages' period
    /// (`retention-claimed`, else this).
    public var `default`: Double?
    /// The per-kind keys that were given.
    public var overrides: [Kind: Double] = [:]

    /// No retention: nothing is removed.
    public init(default: Double? = nil, overrides: [Kind: Double] = [:]) {
        self.default = `default`
        self.overrides = overrides
    }

    /// How long data of `kind` is kept; `nil` when it is kept without limit.
    public func period(_ kind: Kind) -> Double? {
        overrides[kind] ?? self.default
    }

    /// Whether any kind has a period.
    public var isEnabled: Bool { self.default != nil || !overrides.isEmpty }

    /// The shortest period of any kind.
    public var shortest: Double? {
        Kind.allCases.compactMap(period).min()
    }
}
