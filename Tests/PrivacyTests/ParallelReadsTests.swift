import Foundation
@testable import Privacy
import XCTest

/// `find` reads many files at once, in inode order, without touching their access times; the
/// results are those of one reader, in the same order.
final class ParallelReadsTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ relative: String, _ text: String) throws {
        let url = directory.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func testResultsComeInTheOrderOfTheInputsWhateverTheInodes() {
        let inputs = Array(0..<1000)
        let inodes = inputs.map { UInt64(($0 * 7919) % 1000) }  // a permutation
        XCTAssertEqual(ParallelReads.compactMap(inputs, inode: { inodes[$0] }) { $0 % 3 == 0 ? nil : $0 * 2 },
                       inputs.filter { $0 % 3 != 0 }.map { $0 * 2 })
        XCTAssertEqual(ParallelReads.compactMap([3, 1, 2], inode: { UInt64($0) }) { $0 == 1 ? nil : $0 + 1 }, [4, 3], "few: one reader")
    }

    func testAQueueOfManyFilesIsSearchedInFolderAndNameOrder() throws {
        var expected: [String] = []
        for folder in ["new", "cur"] {
            for index in 0..<300 {
                let name = String(format: "m%04d.json", (index * 37) % 300)
                let mine = (index * 37) % 300 % 41 == 0
                try write("kcc/\(folder)/\(name)", #"{"sender":{"email":"\#(mine ? "Jan@Example.nl" : "piet\(index)@example.nl")"}}"#)
            }
            expected += stride(from: 0, to: 300, by: 41).map { "\(directory.path)/kcc/\(folder)/" + String(format: "m%04d.json", $0) }
        }
        let store = QueueStore(queues: [directory.appendingPathComponent("kcc").path])
        let found = store.find(PersonMatcher(try PersonQuery(kind: .email, text: "jan@example.nl")), ids: [])
        XCTAssertEqual(found.map(\.place), expected)
        XCTAssertEqual(Set(found.map(\.fields)), [["sender.email"]])
        XCTAssertEqual(found.map(\.kind), Array(repeating: .queue, count: 8) + Array(repeating: .claimed, count: 8))
    }

    func testAFileIsReadWholeWithoutChangingItsAccessTime() throws {
        let big = String(repeating: "0123456789", count: 20_000)
        for (name, text) in [("empty", ""), ("small", "{}"), ("big", big)] {
            try write(name, text)
            let path = directory.appendingPathComponent(name).path
            var times = [timeval(tv_sec: 1_600_000_000, tv_usec: 0), timeval(tv_sec: time(nil), tv_usec: 0)]
            XCTAssertEqual(utimes(path, &times), 0)
            XCTAssertEqual(QuietRead.bytes(at: path, maxSize: 1 << 20), Array(text.utf8), name)
            var info = stat()
            XCTAssertEqual(stat(path, &info), 0)
            XCTAssertEqual(info.st_atim.tv_sec, 1_600_000_000, "\(name): an access time older than the change stays")
        }
        XCTAssertNil(QuietRead.bytes(at: directory.appendingPathComponent("big").path, maxSize: 1000), "larger than allowed")
        XCTAssertNil(QuietRead.bytes(at: directory.appendingPathComponent("missing").path, maxSize: 1000))
    }

    func testAStreamedListingSeesEveryFileOnceWhileTheyAreRemoved() throws {
        for index in 0..<3000 { try write("many/f\(index)", "") }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("many/sub"), withIntermediateDirectories: true)
        let folder = directory.appendingPathComponent("many").path
        var seen: [String] = []
        var folders: [String] = []
        FolderScan.forEachEntry(in: folder) { entry in
            if entry.isDirectory {
                folders.append(entry.name)
            } else {
                seen.append(entry.name)
                XCTAssertEqual(unlink(folder + "/" + entry.name), 0)
            }
            return true
        }
        XCTAssertEqual(seen.count, 3000)
        XCTAssertEqual(Set(seen), Set((0..<3000).map { "f\($0)" }))
        XCTAssertEqual(folders, ["sub"])
        var stopped = 0
        FolderScan.forEachEntry(in: folder) { _ in
            stopped += 1
            return false
        }
        XCTAssertEqual(stopped, 1, "stops when told")
    }
}
