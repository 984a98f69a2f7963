import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init(file: StaticString = #filePath, line: UInt = #line) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            XCTFail("cannot create \(url.path): \(error)", file: file, line: line)
            throw error
        }
        path = url.path
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The `stat` of `path`, failing the test when there is none.
func fileStatus(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> stat {
    var info = stat()
    guard stat(path, &info) == 0 else {
        XCTFail("cannot stat \(path): \(String(cString: strerror(errno)))", file: file, line: line)
        throw CocoaError(.fileReadNoSuchFile)
    }
    return info
}

/// Asserts that `path` has permission bits `mode` and, when given, group `group`.
func assertMode(
    _ path: String, _ mode: mode_t, group: gid_t? = nil, file: StaticString = #filePath, line: UInt = #line
) throws {
    let info = try fileStatus(path, file: file, line: line)
    XCTAssertEqual(info.st_mode & 0o7777, mode, "mode of \(path)", file: file, line: line)
    if let group {
        XCTAssertEqual(info.st_gid, group, "group of \(path)", file: file, line: line)
    }
}

/// The bytes of the file at `path`, failing the test when it cannot be read.
func contents(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        XCTFail("cannot read \(path)", file: file, line: line)
        throw CocoaError(.fileReadNoSuchFile)
    }
    return Array(data)
}

/// The sorted names in the directory `path`.
func names(in path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
}
