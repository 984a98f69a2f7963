import Foundation
import Messages
import Routing
import XCTest

/// `[acknowledge]` settings as the tests use them.
func testSettings(file: StaticString = #filePath, line: UInt = #line) -> AcknowledgeSettings {
    var settings = AcknowledgeSettings(smtp: "smtp://127.0.0.1:2525", fromName: "Gemeente Katwijk",
                                       fromAddress: "noreply@katwijk.nl")
    settings.replyTo = "kcc@katwijk.nl"
    return settings
}

/// A routed message on `channel` from `email`.
func testMessage(_ channel: Channel = .form, email: String?, subject: String = "Lantaarnpaal kapot",
                 file: StaticString = #filePath, line: UInt = #line) -> Message {
    var message = Message(channel: channel, source: SourceReference(name: "test", ref: "x"),
                          sender: Sender(name: "Inwoner", email: email), subject: subject, text: "tekst")
    message.id = "k7qm2xbdabcdefghijklmnopqr"
    message.receivedAt = "2026-11-29T10:15:00Z"
    return message
}
