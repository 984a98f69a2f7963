import CCurl
import Glibc

/// libcurl's process-wide set-up, done once before the first handle is made.
public enum CurlLibrary {
    private static let initialized: Bool = {
        // The daemon writes to sockets whose peers may have gone: a broken pipe must be an
        // error on that transfer, never a signal that ends the process.
        signal(SIGPIPE, SIG_IGN)
        return curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    /// Runs `curl_global_init` (once, whatever the number of callers) and ignores `SIGPIPE`.
    /// Returns whether libcurl is usable.
    @discardableResult
    public static func initialize() -> Bool { initialized }

    /// libcurl and its TLS library, such as `libcurl/7.88.1 OpenSSL/3.0.17 …`.
    public static var version: String { String(cString: curl_version()) }
}
