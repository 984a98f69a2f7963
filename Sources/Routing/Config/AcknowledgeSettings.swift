import Foundation

/// The `[acknowledge]` section: e-mail receipts to citizens, sent through an SMTP server.
public struct AcknowledgeSettings: Sendable, Hashable {
    /// How a `smtp://` connection is secured (`starttls`).
    public enum StartTLS: String, Sendable, Hashable, CaseIterable {
        /// STARTTLS or no mail: the server must offer it.
        case required
        /// STARTTLS when the server offers it, else plain text.
        case `try`
        /// Plain text.
        case no
    }

    /// `smtp`: `smtp://HOST[:PORT]` or `smtps://HOST[:PORT]`.
    public var smtp: String
    /// `starttls` (only for `smtp://`).
    public var startTLS: StartTLS = .required
    /// `username` for SMTP AUTH.
    public var username: String?
    /// `password-file`: the file holding the SMTP password, as written (relative to `[router] state`).
    public var passwordFile: String?
    /// `ca`: CA certificates (PEM) that vouch for the server, instead of the system's.
    public var caFile: String?
    /// The display name of `from`, if any.
    public var fromName: String?
    /// The address of `from`: the envelope sender and the `From` header.
    public var fromAddress: String
    /// `reply-to`, if set.
    public var replyTo: String?
    /// `channels`: the channels whose messages get a receipt.
    public var channels: Set<String> = AcknowledgeSettings.defaultChannels
    /// `template`: a template file, as written (relative to the configuration file's folder).
    public var template: String?
    /// `per-address`: at most this many receipts per address…
    public var perAddressCount: Int = 3
    /// …within this many seconds.
    public var perAddressPeriod: Double = 24 * 3600

    /// Channels that get a receipt by default.
    public static let defaultChannels: Set<String> = ["email", "form", "webhook"]
    /// Channels that may be named in `channels`.
    public static let knownChannels = ["email", "form", "webhook", "call"]

    /// Settings with the documented defaults.
    public init(smtp: String, fromName: String? = nil, fromAddress: String) {
        self.smtp = smtp
        self.fromName = fromName
        self.fromAddress = fromAddress
    }

    /// Reads `per-address` (`N/PERIOD`, such as `3/24h`): the count and the period in seconds.
    public static func parsePerAddress(_ text: String) -> (count: Int, period: Double)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[0].trimmingCharacters(in: .whitespaces)), count >= 0,
              count <= 1_000_000, let period = ConfigValueParser.duration(parts[1].trimmingCharacters(in: .whitespaces)),
              period >= 60, period <= 366 * 24 * 3600 else { return nil }
        return (count, period)
    }
}
