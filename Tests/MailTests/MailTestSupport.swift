import Foundation
import XCTest
import Mail

/// Where the shared corpora live: `<repository>/../shared/corpora/mail`.
enum MailCorpus {
    /// The repository root, found from this file's path (`Tests/MailTests/…`).
    static func repositoryRoot(file: StaticString = #filePath) -> URL {
        URL(fileURLWithPath: "\(file)")
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The mail corpus directory, or nil when it is not there.
    static var directory: URL? {
        let url = repositoryRoot().deletingLastPathComponent()
            .appendingPathComponent("shared/corpora/mail", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return url
    }

    /// Every regular file below `url`, sorted by path, licence and git files excluded.
    static func messageFiles(in url: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
        var files: [URL] = []
        while let next = enumerator?.nextObject() as? URL {
            let name = next.lastPathComponent
            guard (try? next.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  name != "LICENSE", !name.hasPrefix(".") else { continue }
            files.append(next)
        }
        return files.sorted { $0.path < $1.path }
    }
}

/// Parses `text` (LF line breaks, or CRLF with `crlf`), failing the test on an error.
func parseMail(
    _ text: String, crlf: Bool = false, limits: MailLimits = .default,
    file: StaticString = #filePath, line: UInt = #line
) -> ParsedMail? {
    let source = crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
    do {
        return try MailParser.parse(Array(source.utf8), limits: limits)
    } catch {
        XCTFail("parse failed: \(error)", file: file, line: line)
        return nil
    }
}

/// Asserts that parsing `bytes` throws a limit error whose reason contains `fragment`.
func assertLimitError(
    _ bytes: [UInt8], limits: MailLimits = .default, mentioning fragment: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        _ = try MailParser.parse(bytes, limits: limits)
        XCTFail("expected a limit error mentioning \"\(fragment)\"", file: file, line: line)
    } catch MailError.limitExceeded(let reason) {
        XCTAssertTrue(reason.contains(fragment), "reason \"\(reason)\" lacks \"\(fragment)\"", file: file, line: line)
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
}
