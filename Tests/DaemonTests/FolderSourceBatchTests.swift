import XCTest

@testable import Daemon
@testable import Intake

/// A batch is bounded in bytes as well as in count: every input of a batch is held in
/// memory, normalized, until the batch is committed.
final class FolderSourceBatchTests: XCTestCase {
    private func items(_ sizes: [Int]) -> [DropDirectory.Item] {
        sizes.enumerated().map { DropDirectory.Item(name: "f\($0.offset)", size: $0.element) }
    }

    func testABatchStopsBeforeItsBytesExceedTheBound() {
        let mib = 1 << 20
        // Sixty-four inputs of 20 MiB were once read into one batch: over a gigabyte.
        let big = FolderSource.batch(items(Array(repeating: 20 * mib, count: 64)), maxBytes: 32 * mib)
        XCTAssertEqual(big.map(\.name), ["f0"])
        let mixed = FolderSource.batch(items([10 * mib, 10 * mib, 10 * mib, 5 * mib, 1]), maxBytes: 32 * mib)
        XCTAssertEqual(mixed.map(\.name), ["f0", "f1", "f2"])
    }

    func testOneInputOverTheBoundStillMakesABatch() {
        XCTAssertEqual(FolderSource.batch(items([100 << 20, 1]), maxBytes: 32 << 20).map(\.name), ["f0"])
        XCTAssertEqual(FolderSource.batch(items([1, 2, 3]), maxBytes: 32 << 20).count, 3)
        XCTAssertEqual(FolderSource.batch([], maxBytes: 32 << 20).count, 0)
    }
}
