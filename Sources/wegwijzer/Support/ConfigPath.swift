import Foundation

/// Finds `routing.conf`: `--config`, else `$WEGWIJZER_CONFIG`, else
/// `/etc/wegwijzer/routing.conf`, else `./routing.conf`.
enum ConfigPath {
    static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option { return option }
        if let fromEnvironment = environment["WEGWIJZER_CONFIG"], !fromEnvironment.isEmpty { return fromEnvironment }
        if FileManager.default.fileExists(atPath: "/etc/wegwijzer/routing.conf") { return "/etc/wegwijzer/routing.conf" }
        return "routing.conf"
    }
}

/// `path` made absolute against the working directory.
func absolutePath(_ path: String) -> String {
    ((path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path) as NSString).standardizingPath
}
