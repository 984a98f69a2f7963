import Foundation
import Intake
import Mail
import Messages
import Routing

/// One message to classify, read from a file by its kind or taken as plain text.
struct ClassifyInput {
    let name: String
    let message: Message

    var subject: String { message.subject }
    var text: String { message.text }

    /// Plain text (stdin, `--lines`).
    init(name: String, text: String) {
        self.name = name
        message = Message(channel: .form, source: SourceReference(name: "classify", ref: name), text: text)
    }

    /// Reads a file by its kind: `.eml` or a Maildir file is e-mail; `.json` a form, Open
    /// Formulieren or Whisper JSON; `.vtt`, `.srt`, `.txt` a call transcript (with its
    /// `NAME.meta.json` beside it, if any). `-` is plain text.
    static func load(name: String, bytes: [UInt8]) throws -> ClassifyInput {
        if name == "-" { return ClassifyInput(name: name, text: String(decoding: bytes, as: UTF8.self)) }
        let fileName = (name as NSString).lastPathComponent
        let reference = SourceReference(name: "classify", ref: fileName)
        let folder = ((name as NSString).deletingLastPathComponent as NSString).lastPathComponent
        if fileName.hasSuffix(".eml") || folder == "new" || folder == "cur" {
            return try email(name: name, bytes: bytes, reference: reference)
        }
        if let kind = InputKind.detect(fileName: fileName, bytes: bytes) {
            let sidecarPath = (name as NSString).deletingLastPathComponent + "/" + DropDirectory.sidecarName(of: fileName)
            let sidecar = kind == .formJSON ? nil : FileManager.default.contents(atPath: sidecarPath).map { Array($0) }
            do {
                let normalized = try InputNormalizer.normalize(bytes, kind: kind, sidecar: sidecar, source: reference)
                return ClassifyInput(name: name, message: normalized.message)
            } catch {
                throw CommandFailure("\(name): \(error)")
            }
        }
        throw CommandFailure("\(name): unknown file type (use .eml, .json, .vtt, .srt or .txt, or - for plain text)")
    }

    /// An e-mail, routed on its subject and main text (automatic mail too: classify only shows).
    private static func email(name: String, bytes: [UInt8], reference: SourceReference) throws -> ClassifyInput {
        do {
            switch try EmailNormalizer.normalize(bytes, source: reference) {
            case .message(let normalized, _):
                return ClassifyInput(name: name, message: normalized.message)
            case .noise(let reason):
                let mail = try MailParser.parse(bytes)
                var message = Message(channel: .email, source: reference, subject: mail.subject, text: mail.mainText)
                message.channelData["noise"] = .string(reason)
                return ClassifyInput(name: name + " (automatic mail: \(reason); the daemon sets it aside)", message: message)
            }
        } catch {
            throw CommandFailure("\(name): \(error)")
        }
    }

    private init(name: String, message: Message) {
        self.name = name
        self.message = message
    }
}
