import Foundation
import Messages

extension OutboxRecord {
    /// The `schema` value of records.
    public static let schema = "wegwijzer.delivery/1"

    /// The record as one line of JSON; `message` comes last, as the message JSON itself.
    public func encoded() -> [UInt8] {
        var fields = [
            ("schema", JSONString.quote(OutboxRecord.schema)), ("id", JSONString.quote(id)),
            ("team", JSONString.quote(team)), ("endpoint", JSONString.quote(endpoint)),
            ("createdAt", JSONString.quote(RFC3339.format(createdAt))),
        ]
        if let requeuedAt { fields.append(("requeuedAt", JSONString.quote(RFC3339.format(requeuedAt)))) }
        fields.append(("nextAttemptAt", JSONString.quote(RFC3339.format(nextAttemptAt))))
        if let deadAt { fields.append(("deadAt", JSONString.quote(RFC3339.format(deadAt)))) }
        if let reason { fields.append(("reason", JSONString.quote(reason))) }
        fields.append(("attempts", "[" + attempts.map(OutboxRecord.encode).joined(separator: ",") + "]"))
        let head = "{" + fields.map { JSONString.quote($0.0) + ":" + $0.1 }.joined(separator: ",") + ",\"message\":"
        return Array(head.utf8) + (message.isEmpty ? Array("null".utf8) : message) + Array("}\n".utf8)
    }

    /// Reads a record written by ``encoded()``.
    public static func decode(_ bytes: [UInt8]) throws(RecordFormatError) -> OutboxRecord {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                throw RecordFormatError(reason: "not a JSON object")
            }
            object = parsed
        } catch let error as RecordFormatError {
            throw error
        } catch {
            throw RecordFormatError(reason: "not JSON")
        }
        func text(_ key: String) throws(RecordFormatError) -> String {
            guard let value = object[key] as? String else { throw RecordFormatError(reason: "no '\(key)'") }
            return value
        }
        func date(_ key: String) throws(RecordFormatError) -> Date? {
            guard let value = object[key] as? String else { return nil }
            guard let date = RFC3339.parse(value) else { throw RecordFormatError(reason: "bad time in '\(key)'") }
            return date
        }
        guard let createdAt = try date("createdAt") else { throw RecordFormatError(reason: "no 'createdAt'") }
        guard let message = JSONMember.raw("message", in: bytes) else { throw RecordFormatError(reason: "no 'message'") }
        let attempts = (object["attempts"] as? [[String: Any]] ?? []).compactMap { item -> DeliveryAttempt? in
            guard let at = (item["at"] as? String).flatMap(RFC3339.parse) else { return nil }
            return DeliveryAttempt(at: at, status: (item["status"] as? NSNumber)?.intValue,
                                   error: item["error"] as? String, response: item["response"] as? String)
        }
        return OutboxRecord(
            id: try text("id"), team: try text("team"), endpoint: (object["endpoint"] as? String) ?? "",
            createdAt: createdAt, requeuedAt: try date("requeuedAt"), nextAttemptAt: try date("nextAttemptAt"),
            attempts: attempts, deadAt: try date("deadAt"), reason: object["reason"] as? String, message: Array(message))
    }

    private static func encode(_ attempt: DeliveryAttempt) -> String {
        var parts = ["\"at\":" + JSONString.quote(RFC3339.format(attempt.at))]
        parts.append("\"status\":" + (attempt.status.map(String.init) ?? "null"))
        parts.append("\"error\":" + (attempt.error.map(JSONString.quote) ?? "null"))
        parts.append("\"response\":" + (attempt.response.map(JSONString.quote) ?? "null"))
        return "{" + parts.joined(separator: ",") + "}"
    }
}

/// A record file that is not a delivery record.
public struct RecordFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var reason: String
    /// One line.
    public var description: String { "not a delivery record: \(reason)" }
}
