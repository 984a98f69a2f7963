import Intake
import Mail
import Messages
import Routing

/// Reads one input of a source and normalizes it by the source's type.
struct InputReader: Sendable {
    /// What an input turned out to be.
    enum Outcome {
        /// A message for the pipeline.
        case input(MessagePipeline.Input)
        /// Automatic mail, set aside with its reason.
        case noise(String)
    }

    let source: SourceConfig

    init(source: SourceConfig) {
        self.source = source
    }

    /// Reads and normalizes `item`; throws ``RejectedInput`` for input that can never be routed.
    func read(_ item: DropDirectory.Item, from folder: any InputFolder) throws -> Outcome {
        guard item.size <= source.maxSize else {
            throw RejectedInput(reason: "over the size limit (\(item.size) bytes > \(source.maxSize))")
        }
        let bytes = try folder.read(item.name, maxSize: source.maxSize)
        let reference = SourceReference(name: source.name, ref: item.name)
        switch source.type {
        case .maildir:
            return try email(bytes, reference: reference)
        case .formDrop, .callDrop:
            let sidecar = source.type == .callDrop ? try (folder as? DropDirectory)?.sidecar(of: item.name, maxSize: 1 << 20) : nil
            return .input(try file(item.name, bytes, sidecar: sidecar, reference: reference))
        case .webhook:
            throw RejectedInput(reason: "a webhook source has no folder")
        }
    }

    private func email(_ bytes: [UInt8], reference: SourceReference) throws -> Outcome {
        let limits = MailLimits(maxBytes: source.maxSize)
        do {
            switch try EmailNormalizer.normalize(bytes, source: reference, limits: limits) {
            case .noise(let reason):
                return .noise(reason)
            case .message(let normalized, let conversation):
                return .input(MessagePipeline.Input(
                    source: source, identity: bytes, normalized: normalized,
                    conversation: MessagePipeline.Conversation(key: conversation.messageID, ancestors: conversation.ancestors)))
            }
        } catch let error as MailError {
            throw RejectedInput(reason: error.description)
        }
    }

    private func file(_ name: String, _ bytes: [UInt8], sidecar: [UInt8]?, reference: SourceReference) throws -> MessagePipeline.Input {
        guard let kind = InputKind.detect(fileName: name, bytes: bytes) else {
            throw RejectedInput(reason: "unknown file type (\(fileExtension(name)))")
        }
        switch (source.type, kind) {
        case (.formDrop, .formJSON), (.callDrop, .callWhisper), (.callDrop, .callVTT), (.callDrop, .callSRT),
             (.callDrop, .callText):
            break
        default:
            throw RejectedInput(reason: "not a \(source.type == .formDrop ? "form" : "call transcript") (\(kind.rawValue))")
        }
        do {
            let normalized = try InputNormalizer.normalize(
                bytes, kind: kind, sidecar: sidecar, source: reference, aliases: FieldAliases(source.fieldAliases))
            return MessagePipeline.Input(source: source, identity: Array(name.utf8) + [0] + bytes, normalized: normalized)
        } catch {
            throw RejectedInput(reason: error.description)
        }
    }

    private func fileExtension(_ name: String) -> String {
        name.contains(".") ? "." + (name.split(separator: ".").last.map(String.init) ?? "") : "no extension"
    }
}

/// Input that can never be routed: it goes to `rejected/` with this reason.
struct RejectedInput: Error {
    let reason: String
}
