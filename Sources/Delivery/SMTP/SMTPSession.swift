import CCurl

/// Where and how receipts are sent: the `[acknowledge]` server settings, with the password read.
public struct SMTPSettings: Sendable, Hashable {
    /// How a `smtp://` connection is secured.
    public enum StartTLS: String, Sendable, Hashable {
        /// STARTTLS or no mail.
        case required
        /// STARTTLS when offered.
        case `try`
        /// Plain text.
        case no
    }

    /// `smtp://HOST[:PORT]` or `smtps://HOST[:PORT]`.
    public var url: String
    /// For `smtp://`.
    public var startTLS: StartTLS
    /// SMTP AUTH user name and password.
    public var username: String?
    /// The password (from `password-file`).
    public var password: String?
    /// CA certificates (PEM) instead of the system's.
    public var caFile: String?
    /// Longest time to connect, TLS included, in seconds.
    public var connectTimeout: Double
    /// Longest time for one message, in seconds.
    public var timeout: Double

    /// Creates settings.
    public init(url: String, startTLS: StartTLS = .required, username: String? = nil, password: String? = nil,
                caFile: String? = nil, connectTimeout: Double = 10, timeout: Double = 30) {
        self.url = url
        self.startTLS = startTLS
        self.username = username
        self.password = password
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }
}

/// What the SMTP server made of one message.
public enum SMTPOutcome: Sendable, Equatable {
    /// Accepted (`250` after the data).
    case accepted
    /// A `4xx` answer: try again later.
    case temporary(code: Int, message: String)
    /// A `5xx` answer: sending again will not help.
    case permanent(code: Int, message: String)
    /// No answer: connection, TLS or time-out trouble; try again later.
    case failure(String)
    /// Stopped because the service is stopping.
    case aborted
}

/// One libcurl easy handle that sends mail through libcurl's SMTP: `CURLOPT_MAIL_FROM`,
/// `CURLOPT_MAIL_RCPT`, the message through an upload read callback, TLS (`smtps://`, or
/// STARTTLS per ``SMTPSettings/startTLS``) with peer and host verification. Not shareable:
/// each delivery worker owns one.
public final class SMTPSession {
    private let handle: UnsafeMutableRawPointer
    private let abort: AbortSignal
    private let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    /// Creates a session whose transfers give up when `abort` fires.
    public init(abort: AbortSignal = AbortSignal()) throws(HTTPFailure) {
        CurlLibrary.initialize()
        guard let handle = curl_easy_init() else {
            throw HTTPFailure(code: Int(CURLE_FAILED_INIT.rawValue), message: "cannot create a libcurl handle")
        }
        self.handle = handle
        self.abort = abort
    }

    deinit {
        curl_easy_cleanup(handle)
        errorText.deallocate()
    }

    /// Sends `mail` (a whole RFC 5322 message, CRLF line breaks) from `from` to `to`.
    public func send(from: String, to: String, mail: [UInt8], settings: SMTPSettings) -> SMTPOutcome {
        curl_easy_reset(handle)  // keeps live connections
        errorText.initialize(to: 0)
        let upload = Upload(mail)
        let recipients = curl_slist_append(nil, "<\(to)>")
        defer { curl_slist_free_all(recipients) }
        let lower = settings.url.lowercased()
        var codes: [CURLcode] = [
            wegwijzer_curl_set_error_buffer(handle, errorText),
            wegwijzer_curl_set_long(handle, CURLOPT_NOSIGNAL, 1),
            wegwijzer_curl_set_string(handle, CURLOPT_URL, settings.url),
            wegwijzer_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"),
            wegwijzer_curl_set_long(handle, CURLOPT_SSL_VERIFYPEER, 1),
            wegwijzer_curl_set_long(handle, CURLOPT_SSL_VERIFYHOST, 2),
            wegwijzer_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(settings.connectTimeout)),
            wegwijzer_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(settings.timeout)),
            wegwijzer_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(from)>"),
            wegwijzer_curl_set_mail_recipients(handle, recipients),
            wegwijzer_curl_set_read_function(handle, { buffer, size, count, context in
                guard let buffer, let context else { return 0 }
                return Unmanaged<Upload>.fromOpaque(context).takeUnretainedValue()
                    .read(into: UnsafeMutableRawPointer(buffer), capacity: size * count)
            }, Unmanaged.passUnretained(upload).toOpaque()),
            wegwijzer_curl_set_progress_function(handle, { context, _, _, _, _ in
                guard let context else { return 0 }
                return Unmanaged<AbortSignal>.fromOpaque(context).takeUnretainedValue().isAborting ? 1 : 0
            }, Unmanaged.passUnretained(abort).toOpaque()),
        ]
        if !lower.hasPrefix("smtps://") {
            let level: Int = switch settings.startTLS {
            case .required: Int(CURLUSESSL_ALL.rawValue)
            case .try: Int(CURLUSESSL_TRY.rawValue)
            case .no: Int(CURLUSESSL_NONE.rawValue)
            }
            codes.append(wegwijzer_curl_set_long(handle, CURLOPT_USE_SSL, level))
        }
        if let caFile = settings.caFile { codes.append(wegwijzer_curl_set_string(handle, CURLOPT_CAINFO, caFile)) }
        if let username = settings.username {
            codes.append(wegwijzer_curl_set_string(handle, CURLOPT_USERNAME, username))
            codes.append(wegwijzer_curl_set_string(handle, CURLOPT_PASSWORD, settings.password ?? ""))
        }
        if let bad = codes.first(where: { $0 != CURLE_OK }) { return .failure(describe(bad)) }
        let code = withExtendedLifetime(upload) { curl_easy_perform(handle) }
        if code == CURLE_ABORTED_BY_CALLBACK { return .aborted }
        var status = 0
        _ = wegwijzer_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        if code == CURLE_OK { return .accepted }
        let text = describe(code)
        switch status {
        case 400...499: return .temporary(code: status, message: text)
        case 500...599: return .permanent(code: status, message: text)
        default: return .failure(text)
        }
    }

    private func describe(_ code: CURLcode) -> String {
        errorText.pointee != 0 ? String(cString: errorText) : String(cString: curl_easy_strerror(code))
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        max(1, Int((seconds * 1000).rounded()))
    }
}

/// The bytes of one message, handed to libcurl's read callback piece by piece.
private final class Upload {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func read(into buffer: UnsafeMutableRawPointer, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}
