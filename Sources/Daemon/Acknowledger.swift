import Delivery
import Foundation
import Messages
import Receipts
import Routing
import Storage
import Synchronization

/// Decides and builds the receipt of each routed message, for the pipeline to commit with it.
///
/// For a message routed under a configuration with `[acknowledge]`: who gets a receipt
/// (``ReceiptEligibility``), the per-address limit (``ReceiptLedger``, in `STATE/receipts/`),
/// and the receipt itself (``ReceiptComposer``) as an outbox record of its own kind
/// (``ReceiptRecord``). The pipeline writes the ledger line and the record before its group
/// sync, so both are durable with the message's commit; the journal keeps the receipt's
/// Message-ID and reference with the team, so an answer reaches the same team.
public final class Acknowledger: Sendable {
    /// What one message's receipt comes to.
    public struct Staged: Sendable {
        /// The receipt's outbox record, when one is sent.
        public var record: OutboxRecord?
        /// The ledger line to append before the sync, when the limit was decided now.
        public var ledgerLine: [UInt8]?
        /// Whether the limit withheld the receipt.
        public var withheld: Bool
        /// Conversation keys for the journal: the receipt's Message-ID and its reference key.
        public var keys: [String]
    }

    /// The ledger's folder.
    public let directory: String
    private let log: EventLog
    private let ledger: Mutex<ReceiptLedger?>
    /// The template in use and the file it came from (`nil`: the built-in text).
    private let template = Mutex<(path: String?, template: ReceiptTemplate)>((nil, .builtIn))

    /// An acknowledger for the state folder `state`; opens the ledger (dropping decisions older
    /// than the period) when `config` has `[acknowledge]`.
    public init(config: RoutingConfig, log: EventLog) throws {
        let directory = config.router.state + "/receipts"
        self.directory = directory
        self.log = log
        ledger = Mutex(try config.acknowledge.map { try ReceiptLedger(directory: directory, keep: $0.perAddressPeriod) })
        if let settings = config.acknowledge { _ = templateFor(settings, config: config) }
    }

    /// The receipt of `message` (its ID and receive time set), routed to `teamName` under
    /// `config`; `nil` when `config` has no `[acknowledge]`.
    public func stage(_ message: Message, teamName: String, config: RoutingConfig) throws -> Staged? {
        guard let settings = config.acknowledge else { return nil }
        guard case .send(let address) = ReceiptEligibility.judge(message, settings: settings),
              let team = config.team(named: teamName) else {
            return Staged(record: nil, ledgerLine: nil, withheld: false, keys: [])
        }
        let ledger = try openLedger(settings)
        let decision = ledger.decide(id: message.id, address: address, count: settings.perAddressCount,
                                     period: settings.perAddressPeriod)
        guard decision.send else { return Staged(record: nil, ledgerLine: decision.line, withheld: true, keys: []) }
        let receipt = ReceiptComposer.compose(message: message, team: team, recipient: address, settings: settings,
                                              template: templateFor(settings, config: config), now: Date())
        let envelope = ReceiptRecord.Envelope(from: receipt.from, to: receipt.to, messageID: receipt.messageID,
                                              mail: receipt.mail)
        let record = ReceiptRecord.record(forMessage: message.id, team: team.name, envelope: envelope, createdAt: Date())
        return Staged(record: record, ledgerLine: decision.line, withheld: false,
                      keys: [receipt.messageID, ReceiptReference.conversationKey(receipt.reference)])
    }

    /// Appends ledger lines, without fsync (the pipeline's group sync makes them durable).
    public func append(_ lines: [[UInt8]]) throws {
        guard !lines.isEmpty else { return }
        guard let ledger = ledger.withLock({ $0 }) else { return }
        try ledger.append(lines)
    }

    /// Forgets the limit decisions on `ids`, whose commit failed: their lines may not be on
    /// disk, so the next attempt decides, and writes, again.
    public func forget(_ ids: [String]) {
        guard !ids.isEmpty, let ledger = ledger.withLock({ $0 }) else { return }
        ledger.forget(ids)
    }

    /// The ledger, opened at first use (after a reload that added `[acknowledge]`).
    private func openLedger(_ settings: AcknowledgeSettings) throws -> ReceiptLedger {
        try ledger.withLock { ledger in
            if let ledger { return ledger }
            let opened = try ReceiptLedger(directory: directory, keep: settings.perAddressPeriod)
            ledger = opened
            return opened
        }
    }

    /// The template of `settings`: its file, read again when the configured file changes (a
    /// file that cannot be read is logged and the text in use is kept).
    private func templateFor(_ settings: AcknowledgeSettings, config: RoutingConfig) -> ReceiptTemplate {
        let folder = (config.path as NSString).deletingLastPathComponent
        let path = settings.template.map { config.resolvedPath($0, base: folder.isEmpty ? "." : folder) }
        return template.withLock { current in
            guard current.path != path else { return current.template }
            guard let path else {
                current = (nil, .builtIn)
                return current.template
            }
            do {
                current = (path, try ReceiptTemplate.load(path: path))
            } catch {
                log.log(.error, "receipt-template-unreadable", ["file": path, "reason": "\(error)"])
                current.path = path
            }
            return current.template
        }
    }
}
