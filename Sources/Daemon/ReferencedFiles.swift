import Delivery
import Glibc
import Intake
import Routing

/// The files `routing.conf` names besides itself (endpoint secrets, headers and TLS files,
/// webhook secrets and tokens), read as `run` reads them, so that `check` finds what would stop
/// the daemon or make a source refuse posts.
public enum ReferencedFiles {
    /// One line per file that cannot be used, as `team Milieu: PATH:LINE: reason`.
    public static func problems(in config: RoutingConfig) -> [String] {
        var problems: [String] = []
        let path = { (file: String?) in file.map { config.resolvedPath($0, base: config.router.state) } }
        for team in config.teams where team.endpoint != nil {
            let files = team.endpointFiles
            let label = "team \(team.name): "
            do {
                if let secret = path(files.secret) { _ = try WebhookSigner.load(path: secret) }
            } catch {
                problems.append(label + error.description)
            }
            do {
                if let header = path(files.header) { _ = try HeaderFile.load(path: header) }
            } catch {
                problems.append(label + error.description)
            }
            for file in [files.ca, files.certificate, files.key].compactMap(path) where !isReadable(file) {
                problems.append(label + "\(file): cannot be read")
            }
        }
        for source in config.sources where source.type == .webhook && (source.secretFile != nil || source.tokenFile != nil) {
            do {
                _ = try WebhookCredentials.load(secretFile: path(source.secretFile), tokenFile: path(source.tokenFile))
            } catch {
                problems.append("source \(source.name): \(error.description)")
            }
        }
        return problems
    }

    private static func isReadable(_ file: String) -> Bool {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }
}
