import CCurl

/// One libcurl easy handle, reused request after request so that its connections stay open
/// (keep-alive). Not shareable: each delivery worker owns one.
///
/// Every request is an HTTP(S) POST with peer and host verification on, redirects not
/// followed, only `http` and `https` allowed, `CURLOPT_NOSIGNAL` set, and no
/// `Expect: 100-continue` round trip.
public final class CurlSession {
    private let handle: UnsafeMutableRawPointer
    private let abort: AbortSignal
    private let response = ResponseBuffer(limit: EndpointResponse.bodyLimit)
    private let headerList = HeaderList()
    private let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    /// The URL of the last request, parsed once (`CURLOPT_CURLU`).
    private let url: OpaquePointer

    /// Connections this session has opened so far (each keep-alive reuse opens none).
    public private(set) var connectionsOpened = 0
    /// URL and transport of the last request: the options that stay set for the next one.
    private var configured: (url: String, transport: HTTPTransport)?

    /// Creates a session whose transfers give up when `abort` fires.
    public init(abort: AbortSignal = AbortSignal()) throws(HTTPFailure) {
        CurlLibrary.initialize()
        guard let handle = curl_easy_init(), let url = curl_url() else {
            throw HTTPFailure(code: Int(CURLE_FAILED_INIT.rawValue), message: "cannot create a libcurl handle")
        }
        self.handle = handle
        self.url = url
        self.abort = abort
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_url_cleanup(url)
        errorText.deallocate()
    }

    /// Sends `request` and waits for the answer (or the time limit).
    public func post(_ request: OutboundRequest) -> HTTPOutcome {
        response.reset()
        errorText.initialize(to: 0)
        if configured?.url != request.url || configured?.transport != request.transport {
            configured = nil
            curl_easy_reset(handle)  // keeps live connections and the TLS session cache
            if let failure = configure(request) { return .failure(failure) }
            configured = (request.url, request.transport)
        }
        let set = wegwijzer_curl_set_headers(handle, headerList.chain(request.headers, "Expect:"))
        guard set == CURLE_OK else { return .failure(failure(set)) }
        let code = request.body.withUnsafeBytes { body -> CURLcode in
            let set = wegwijzer_curl_set_post_body(handle, body.baseAddress ?? UnsafeRawPointer(errorText), curl_off_t(body.count))
            return set == CURLE_OK ? curl_easy_perform(handle) : set
        }
        var connects = 0
        if wegwijzer_curl_get_long(handle, CURLINFO_NUM_CONNECTS, &connects) == CURLE_OK { connectionsOpened += connects }
        if code == CURLE_ABORTED_BY_CALLBACK { return .aborted }
        guard code == CURLE_OK else { return .failure(failure(code)) }
        var status = 0
        _ = wegwijzer_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        let retryAfter = (200...299).contains(status) ? nil : header("Retry-After")
        return .response(EndpointResponse(status: status, retryAfter: retryAfter, bodyPrefix: response.prefix))
    }

    /// Applies the options that depend on the URL and transport only; the first failure, if any.
    private func configure(_ request: OutboundRequest) -> HTTPFailure? {
        let transport = request.transport
        let parsed = curl_url_set(url, CURLUPART_URL, request.url, 0)
        guard parsed == CURLUE_OK else {
            return HTTPFailure(code: Int(CURLE_URL_MALFORMAT.rawValue), message: "URL rejected: " + String(cString: curl_url_strerror(parsed)))
        }
        var codes: [CURLcode] = [
            wegwijzer_curl_set_error_buffer(handle, errorText),
            wegwijzer_curl_set_long(handle, CURLOPT_NOSIGNAL, 1),
            wegwijzer_curl_set_url_handle(handle, url),
            wegwijzer_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
            wegwijzer_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0),
            wegwijzer_curl_set_long(handle, CURLOPT_SSL_VERIFYPEER, 1),
            wegwijzer_curl_set_long(handle, CURLOPT_SSL_VERIFYHOST, 2),
            wegwijzer_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, CurlSession.milliseconds(transport.connectTimeout)),
            wegwijzer_curl_set_long(handle, CURLOPT_TIMEOUT_MS, CurlSession.milliseconds(transport.timeout)),
            wegwijzer_curl_set_long(handle, CURLOPT_TCP_NODELAY, 1),
            wegwijzer_curl_set_write_function(handle, { data, size, count, context in
                let length = size * count
                if let context, let data {
                    Unmanaged<ResponseBuffer>.fromOpaque(context).takeUnretainedValue()
                        .append(UnsafeRawBufferPointer(start: data, count: length))
                }
                return length
            }, Unmanaged.passUnretained(response).toOpaque()),
            wegwijzer_curl_set_progress_function(handle, { context, _, _, _, _ in
                guard let context else { return 0 }
                return Unmanaged<AbortSignal>.fromOpaque(context).takeUnretainedValue().isAborting ? 1 : 0
            }, Unmanaged.passUnretained(abort).toOpaque()),
        ]
        if let caFile = transport.caFile { codes.append(wegwijzer_curl_set_string(handle, CURLOPT_CAINFO, caFile)) }
        if let certificate = transport.certificateFile {
            codes.append(wegwijzer_curl_set_string(handle, CURLOPT_SSLCERT, certificate))
            codes.append(wegwijzer_curl_set_string(handle, CURLOPT_SSLCERTTYPE, "PEM"))
        }
        if let key = transport.keyFile {
            codes.append(wegwijzer_curl_set_string(handle, CURLOPT_SSLKEY, key))
            codes.append(wegwijzer_curl_set_string(handle, CURLOPT_SSLKEYTYPE, "PEM"))
        }
        if !transport.keepAlive {
            codes.append(wegwijzer_curl_set_long(handle, CURLOPT_FRESH_CONNECT, 1))
            codes.append(wegwijzer_curl_set_long(handle, CURLOPT_FORBID_REUSE, 1))
        }
        guard let bad = codes.first(where: { $0 != CURLE_OK }) else { return nil }
        return failure(bad)
    }

    /// The last value of response header `name`, if the server sent it.
    private func header(_ name: String) -> String? {
        var found: UnsafeMutablePointer<curl_header>?
        guard curl_easy_header(handle, name, 0, UInt32(CURLH_HEADER), -1, &found) == CURLHE_OK,
              let value = found?.pointee.value else { return nil }
        return String(cString: value)
    }

    private func failure(_ code: CURLcode) -> HTTPFailure {
        let detail = errorText.pointee != 0 ? String(cString: errorText) : String(cString: curl_easy_strerror(code))
        return HTTPFailure(code: Int(code.rawValue), message: detail, isTimeout: code == CURLE_OPERATION_TIMEDOUT)
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        max(1, Int((seconds * 1000).rounded()))
    }
}
