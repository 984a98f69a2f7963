import Foundation
import XCTest
@testable import Intake
import Messages

/// The source reference the tests normalize under.
let testSource = SourceReference(name: "test-drop", ref: "input.json")

/// The bytes of `Fixtures/NAME`.
func fixture(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
        XCTFail("missing fixture \(name)", file: file, line: line)
        throw CocoaError(.fileNoSuchFile)
    }
    return Array(try Data(contentsOf: url))
}

/// The UTF-8 bytes of `text`.
func utf8(_ text: String) -> [UInt8] {
    Array(text.utf8)
}

/// Normalizes form JSON given as text.
func normalizeForm(
    _ json: String, aliases: FieldAliases = .none, file: StaticString = #filePath, line: UInt = #line
) throws -> NormalizedInput {
    do {
        return try FormNormalizer.normalize(utf8(json), source: testSource, aliases: aliases)
    } catch {
        XCTFail("normalize failed: \(error)", file: file, line: line)
        throw error
    }
}

/// Asserts that `body` throws exactly `expected`.
func assertThrows<T>(
    _ expected: NormalizeError, file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws -> T
) {
    do {
        let value = try body()
        XCTFail("expected \(expected), got \(value)", file: file, line: line)
    } catch let error as NormalizeError {
        XCTAssertEqual(error, expected, file: file, line: line)
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
}

/// Asserts that `body` throws a ``NormalizeError`` whose description is `expected`.
func assertThrowsDescription<T>(
    _ expected: String, file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws -> T
) {
    do {
        let value = try body()
        XCTFail("expected '\(expected)', got \(value)", file: file, line: line)
    } catch let error as NormalizeError {
        XCTAssertEqual(error.description, expected, file: file, line: line)
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
}

extension NormalizedInput {
    /// `channelData.fields[key]`.
    func field(_ key: String) -> JSONValue? {
        guard case .object(let fields)? = message.channelData["fields"] else { return nil }
        return fields[key]
    }

    /// The keys of `channelData.fields`, sorted.
    var fieldKeys: [String] {
        guard case .object(let fields)? = message.channelData["fields"] else { return [] }
        return fields.keys.sorted()
    }
}
