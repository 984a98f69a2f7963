import Foundation
import Intake
import XCTest

final class HTTPRequestParserTests: XCTestCase {
    private let limits = HTTPLimits(maxBody: 1024)

    func testSimplePostWithContentLength() throws {
        let request = try parseOne("POST /v1/messages?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nX-Pad:  y \r\n\r\nhello")
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.path, "/v1/messages")
        XCTAssertEqual(request.target, "/v1/messages?x=1")
        XCTAssertEqual(request.body, Array("hello".utf8))
        XCTAssertEqual(request.headers["x-pad"], "y")
        XCTAssertTrue(request.keepAlive)
    }

    func testByteByByteFeedingGivesTheSameRequest() throws {
        let raw = "POST /a HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n0\r\nTrailer: x\r\n\r\n"
        var parser = HTTPRequestParser(limits: limits)
        var found: HTTPRequest?
        for byte in raw.utf8 {
            parser.append([byte])
            if case .request(let request) = parser.next() { found = request }
        }
        XCTAssertEqual(found?.body, Array("abc".utf8))
        XCTAssertEqual(parser.phase, .idle)
    }

    func testPipelinedRequestsComeOutInOrder() {
        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: a\r\n\r\nGET /3 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n".utf8))
        var paths: [String] = []
        while case .request(let request) = parser.next() { paths.append(request.path) }
        XCTAssertEqual(paths, ["/1", "/2", "/3"])
    }

    func testManyTinyChunksAreReadInLinearTime() throws {
        // Each chunk reserved exactly its own extra capacity, so the body was copied once per
        // chunk: 300,000 one-byte chunks copied some 45 GB.
        let chunks = String(repeating: "1\r\nx\r\n", count: 300_000)
        var parser = HTTPRequestParser(limits: HTTPLimits(maxBody: 1 << 20))
        parser.append(Array("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n\(chunks)0\r\n\r\n".utf8))
        guard case .request(let request) = parser.next() else { return XCTFail("no request") }
        XCTAssertEqual(request.body.count, 300_000)
        XCTAssertTrue(request.body.allSatisfy { $0 == UInt8(ascii: "x") })
    }

    func testABodyArrivingInSmallPiecesIsNotCopiedPerPiece() throws {
        // The parser's state kept a second reference to the body, so every call copied all of
        // it: an 8 MB body in 1 KB pieces copied some 32 GB.
        var parser = HTTPRequestParser(limits: HTTPLimits(maxBody: 16 << 20))
        parser.append(Array("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n800000\r\n".utf8))
        XCTAssertEqual(parser.next(), .needMore)
        let piece = [UInt8](repeating: UInt8(ascii: "y"), count: 1024)
        for _ in 0..<(8 * 1024) {
            parser.append(piece)
            XCTAssertEqual(parser.next(), .needMore)
        }
        parser.append(Array("\r\n0\r\n\r\n".utf8))
        guard case .request(let request) = parser.next() else { return XCTFail("no request") }
        XCTAssertEqual(request.body.count, 8 << 20)
    }

    func testChunkedBodyOfSeveralChunks() throws {
        let request = try parseOne("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5 ; x\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\n\r\n")
        XCTAssertEqual(String(decoding: request.body, as: UTF8.self), "Wikipedia in\r\n\r\nchunks.")
    }

    func testHTTP10ClosesUnlessKeepAlive() throws {
        XCTAssertFalse(try parseOne("GET / HTTP/1.0\r\n\r\n").keepAlive)
        XCTAssertTrue(try parseOne("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").keepAlive)
        XCTAssertFalse(try parseOne("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").keepAlive)
    }

    func testSmugglingAndSyntaxErrorsAre400() {
        let cases: [(String, String)] = [
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "both"),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3x\r\n\r\nabc", "invalid Content-Length"),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -3\r\n\r\nabc", "invalid Content-Length"),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", "different"),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\nabcd", "different"),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n", "too large"),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +3\r\n\r\nabc", "invalid Content-Length"),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3,\r\n\r\nabc", "invalid Content-Length"),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1 2\r\n\r\nabc", "invalid Content-Length"),
            ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", "final"),
            ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", "more than once"),
            ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk size"),
            ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\n", "overflows"),
            ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n", "CRLF"),
            ("GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n", "folding"),
            ("GET / HTTP/1.1\r\nHost : a\r\n\r\n", "white space before the colon"),
            ("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", "bare CR"),
            ("GET / HTTP/1.1\r\nHost: a\n\r\n", "LF without CR"),
            ("GET / HTTP/1.1\r\n\r\n", "missing Host"),
            ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "more than one Host"),
            ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", "request line"),
            ("GET / HTTP/1.1\r\nHost: a\r\nX: \u{1}\r\n\r\n", "control character"),
        ]
        for (raw, detail) in cases {
            assertFailure(raw, status: 400, detail: detail)
        }
    }

    func testLimitsHaveTheirOwnStatus() {
        assertFailure("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\n", status: 414, detail: "request line")
        assertFailure("GET /" + String(repeating: "a", count: 9000), status: 414, detail: "request line")
        let many = (0..<101).map { "X-\($0): y\r\n" }.joined()
        assertFailure("GET / HTTP/1.1\r\nHost: a\r\n" + many + "\r\n", status: 431, detail: "fields")
        assertFailure("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: 33000), status: 431, detail: "header section")
        assertFailure("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1025\r\n\r\n", status: 413, detail: "larger")
        assertFailure("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n401\r\n", status: 413, detail: "larger")
        assertFailure("GET / HTTP/2.0\r\nHost: a\r\n\r\n", status: 505, detail: "HTTP/1")
        assertFailure("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", status: 501, detail: "gzip")
        assertFailure("POST / HTTP/1.1\r\nHost: a\r\nExpect: magic\r\n\r\n", status: 417, detail: "100-continue")
        // Several Expect fields make one list, whatever their order.
        assertFailure("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nExpect: magic\r\n\r\n",
                      status: 417, detail: "100-continue")
        assertFailure("POST / HTTP/1.1\r\nHost: a\r\nExpect: magic\r\nExpect: 100-continue\r\n\r\n",
                      status: 417, detail: "100-continue")
    }

    func testExpectContinueIsReportedOnceBeforeTheBody() {
        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        XCTAssertEqual(parser.next(), .continueExpected)
        XCTAssertEqual(parser.next(), .needMore)
        XCTAssertEqual(parser.phase, .body)
        parser.append(Array("ok".utf8))
        guard case .request(let request) = parser.next() else { return XCTFail("no request") }
        XCTAssertEqual(request.body, Array("ok".utf8))
    }

    func testAFailedParserStaysFailed() {
        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array("GET / HTTP/1.1\r\nHost : a\r\n\r\n".utf8))
        guard case .failure = parser.next() else { return XCTFail("expected a failure") }
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        guard case .failure = parser.next() else { return XCTFail("expected the failure again") }
    }

    func testLeadingEmptyLinesAreSkipped() throws {
        XCTAssertEqual(try parseOne("\r\n\r\nGET /x HTTP/1.1\r\nHost: a\r\n\r\n").path, "/x")
    }

    func testRepeatedEqualContentLengthsAndWhiteSpaceAreAccepted() throws {
        for header in ["Content-Length: 3, 3", "Content-Length:\t3 ,3\t", "Content-Length: 003\r\nContent-Length: 3"] {
            let request = try parseOne("POST / HTTP/1.1\r\nHost: a\r\n\(header)\r\n\r\nabc")
            XCTAssertEqual(request.body, Array("abc".utf8), header)
        }
    }

    private func parseOne(_ raw: String, file: StaticString = #filePath, line: UInt = #line) throws -> HTTPRequest {
        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array(raw.utf8))
        let event = parser.next()
        guard case .request(let request) = event else {
            XCTFail("expected a request, got \(event)", file: file, line: line)
            throw CocoaError(.coderInvalidValue)
        }
        return request
    }

    private func assertFailure(_ raw: String, status: Int, detail: String, file: StaticString = #filePath, line: UInt = #line) {
        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array(raw.utf8))
        let event = parser.next()
        guard case .failure(let error) = event else {
            return XCTFail("expected \(status) for \(raw.debugDescription.prefix(80)), got \(event)", file: file, line: line)
        }
        XCTAssertEqual(error.status, status, "\(raw.debugDescription.prefix(80)): \(error.detail)", file: file, line: line)
        XCTAssertTrue(error.detail.contains(detail), "'\(error.detail)' lacks '\(detail)'", file: file, line: line)
    }
}
