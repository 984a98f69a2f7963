import Foundation
import Routing
import XCTest

final class ConfigLoaderTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("wegwijzer-config-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    private func write(_ bytes: [UInt8], to name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func testLoadsAFileAndHashesItsBytes() throws {
        let path = try write(Array(sampleRoutingConf.utf8), to: "routing.conf")
        let (config, diagnostics) = ConfigLoader.load(path: path)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(config?.path, path)
        XCTAssertEqual(config?.configHash, RoutingConfig.hash(of: Array(sampleRoutingConf.utf8)))
        XCTAssertEqual(config?.teams.count, 3)
    }

    func testMissingFileIsOneDiagnosticAtLineZero() {
        let path = directory.appendingPathComponent("absent.conf").path
        let (config, diagnostics) = ConfigLoader.load(path: path)
        XCTAssertNil(config)
        XCTAssertEqual(diagnostics.map(\.description), ["\(path):0:0: cannot read: No such file or directory"])
    }

    func testADirectoryCannotBeRead() {
        let (config, diagnostics) = ConfigLoader.load(path: directory.path)
        XCTAssertNil(config)
        XCTAssertEqual(diagnostics.map(\.message), ["cannot read: Is a directory"])
    }

    func testInvalidUTF8IsReportedWhereItIsAndTheRestStillChecked() throws {
        var bytes = Array("[router]\nfallback = KCC\n[team KCC]\ndescription = Caf".utf8)
        bytes.append(0xE9)  // "é" in Latin-1
        bytes += Array("\nmin-score = 3\n".utf8)
        let path = try write(bytes, to: "latin1.conf")
        let (config, diagnostics) = ConfigLoader.load(path: path)
        XCTAssertNil(config)
        XCTAssertEqual(diagnostics.map(\.description), [
            "\(path):4:18: the file is not valid UTF-8 (save it as UTF-8)",
            "\(path):5:1: unknown key 'min-score' in [team KCC] ('min-score' belongs under [router])",
        ])
    }
}
