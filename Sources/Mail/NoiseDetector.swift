/// Recognises automatic mail that a router should not treat as a citizen's message:
/// auto-replies, bulk mail and delivery or read reports.
public enum NoiseDetector {
    /// Why the message is noise, or nil when it looks like a person wrote it.
    ///
    /// Checked: `Auto-Submitted` other than `no`; `X-Autoreply`; `X-Autorespond`;
    /// `Precedence: bulk`, `auto_reply` or `junk` (not `list`); a `multipart/report` whose
    /// `report-type` is `delivery-status` or `disposition-notification`; a
    /// `message/delivery-status` part outside embedded messages.
    public static func reason(headers: MailHeaders, root: MailPart) -> String? {
        if let value = headers.raw(named: "Auto-Submitted") {
            let keyword = firstWord(value)
            if keyword != "no" { return "Auto-Submitted: \(keyword.isEmpty ? "(empty)" : keyword)" }
        }
        for name in ["X-Autoreply", "X-Autorespond"] where headers.contains(name) {
            return "\(name) header present"
        }
        if let value = headers.raw(named: "Precedence") {
            let keyword = firstWord(value)
            if ["bulk", "auto_reply", "junk"].contains(keyword) { return "Precedence: \(keyword)" }
        }
        return reportReason(root)
    }

    private static func reportReason(_ root: MailPart) -> String? {
        var stack = [root]
        while let part = stack.popLast() {
            if part.contentType == "multipart/report" {
                let type = (part.parameters["report-type"] ?? "").asciiLowercased()
                if type == "delivery-status" { return "delivery status report" }
                if type == "disposition-notification" { return "read receipt (disposition notification)" }
            }
            if part.contentType == "message/delivery-status" { return "message/delivery-status part" }
            if part.mainType != "message" { stack.append(contentsOf: part.children) }
        }
        return nil
    }

    private static func firstWord(_ value: String) -> String {
        let word = value.trimmingBlanks().prefix { !$0.isWhitespace && $0 != ";" && $0 != "(" }
        return String(word).asciiLowercased()
    }
}
