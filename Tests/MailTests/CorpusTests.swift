// The expected texts in Fixtures/cpython-expected.json come from Python's `email` package
// (`email.message_from_binary_file(f, policy=email.policy.default)`, then `get_content()` of
// every non-multipart text part in walk order). Regenerate them from the repository root with:
//
//     scripts/make-mail-fixture
//
import Foundation
import XCTest
import Mail

final class CorpusTests: XCTestCase {
    /// Every corpus file parses, or throws only a limit error (the empty file: not a message).
    func testEveryCorpusMessageParses() throws {
        guard let corpus = MailCorpus.directory else {
            throw XCTSkip("the shared mail corpora (../shared/corpora/mail) are not present")
        }
        let files = MailCorpus.messageFiles(in: corpus)
        XCTAssertGreaterThan(files.count, 100, "expected both corpora (about 150 messages)")
        var parsed = 0
        for url in files {
            let bytes = [UInt8](try Data(contentsOf: url))
            do {
                let mail = try MailParser.parse(bytes)
                parsed += 1
                XCTAssertFalse(mail.headers.fields.isEmpty && mail.textParts.isEmpty,
                               "\(url.lastPathComponent): neither headers nor text")
                XCTAssertTrue(mail.root.contentType.contains("/"), url.lastPathComponent)
            } catch MailError.limitExceeded {
                continue
            } catch MailError.notAMessage {
                XCTAssertTrue(bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 },
                              "\(url.lastPathComponent) rejected as not a message")
            }
        }
        XCTAssertGreaterThan(parsed, 100)
    }

    /// The text of every text part equals what Python's `email` package decodes.
    ///
    /// One deliberate difference: a multipart without a `boundary` parameter, or whose boundary
    /// never occurs, is read as one `text/plain` part holding the whole body, where Python keeps
    /// a multipart without parts (so it reports no text). For those messages the test checks
    /// that rule instead: Python has no text, and there is exactly one text part, the body.
    func testCPythonCorpusTextPartsMatchPython() throws {
        guard let corpus = MailCorpus.directory?.appendingPathComponent("cpython-email") else {
            throw XCTSkip("the shared mail corpora (../shared/corpora/mail) are not present")
        }
        let fixture = try XCTUnwrap(Bundle.module.url(
            forResource: "cpython-expected", withExtension: "json", subdirectory: "Fixtures"))
        let expected = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(contentsOf: fixture)) as? [String: [Any]])
        XCTAssertGreaterThan(expected.count, 40)
        var undividedMultiparts: [String] = []
        for (name, pythonTexts) in expected.sorted(by: { $0.key < $1.key }) {
            let bytes = [UInt8](try Data(contentsOf: corpus.appendingPathComponent(name)))
            let mail = try MailParser.parse(bytes)
            let texts = mail.textParts.map { $0.text ?? "" }
            let unsplit = mail.defects.contains {
                $0.hasPrefix("message: multipart") && $0.contains("read as text/plain")
            }
            if unsplit {
                undividedMultiparts.append(name)
                XCTAssertEqual(pythonTexts.count, 0, "\(name): Python found text parts")
                XCTAssertEqual(texts.count, 1, "\(name): expected the body as one text part")
                XCTAssertEqual(mail.root.contentType, "text/plain", name)
                continue
            }
            XCTAssertEqual(texts.count, pythonTexts.count, "\(name): number of text parts")
            for (index, (mine, python)) in zip(texts, pythonTexts).enumerated() {
                guard let python = python as? String else { continue }
                XCTAssertEqual(mine, normalizedLineBreaks(python), "\(name) text part \(index)")
            }
        }
        XCTAssertEqual(undividedMultiparts, ["msg_17.txt", "msg_25.txt", "msg_31.txt", "msg_41.txt"])
    }

    private func normalizedLineBreaks(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
