import Foundation

/// One attempt to deliver a message: when, and what the endpoint said or what went wrong.
public struct DeliveryAttempt: Sendable, Hashable {
    /// When the request was made.
    public var at: Date
    /// The HTTP status, when there was a response.
    public var status: Int?
    /// What went wrong without a response (connection refused, timeout).
    public var error: String?
    /// The first kilobyte of the response body.
    public var response: String?

    /// Creates an attempt record.
    public init(at: Date, status: Int? = nil, error: String? = nil, response: String? = nil) {
        self.at = at
        self.status = status
        self.error = error
        self.response = response
    }

    /// The record of `outcome`, made at `at`.
    public init(at: Date, outcome: HTTPOutcome) {
        self.at = at
        switch outcome {
        case .response(let answer):
            status = answer.status
            response = answer.bodyPrefix.isEmpty ? nil : String(decoding: answer.bodyPrefix, as: UTF8.self)
        case .failure(let failure):
            error = failure.description
        case .aborted:
            error = "aborted: the service stopped"
        }
    }

    /// Short text for logs: `HTTP 503` or the error.
    public var summary: String {
        status.map { "HTTP \($0)" } ?? error ?? "no answer"
    }
}
