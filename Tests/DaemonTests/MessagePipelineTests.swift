import Delivery
import Foundation
import Messages
import Routing
import Synchronization
import XCTest

@testable import Daemon
@testable import Intake

/// Routing and staging (`prepare`) and syncing and committing (`commit`) are separate steps;
/// inputs with the same ID must still be committed once, however they meet.
final class MessagePipelineTests: XCTestCase {
    private var state = ""
    private var pipeline: MessagePipeline!
    private var source: SourceConfig!

    override func setUpWithError() throws {
        state = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-\(UUID().uuidString)").path
        let text = """
            [router]
            state = \(state)
            queues = queues
            fallback = KCC
            [team KCC]
            [team Milieu]
            signals = stank:4
            [source hook]
            type = webhook
            listen = 127.0.0.1:8080
            """
        let (parsed, diagnostics) = ConfigParser.parse(text, path: "routing.conf")
        let config = try XCTUnwrap(parsed, "\(diagnostics)")
        source = try XCTUnwrap(config.sources.first)
        let journal = try CommitJournal(directory: state + "/journal")
        pipeline = MessagePipeline(routers: RouterBox(Router(config: config)), journal: journal,
                                   log: EventLog(errorFile: nil, environment: [:]))
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: state)
    }

    private func input(_ identity: String, text: String = "stank bij de haven") -> MessagePipeline.Input {
        let message = Message(channel: .webhook, source: SourceReference(name: "hook", ref: identity), text: text)
        return MessagePipeline.Input(source: source, identity: Array(identity.utf8), normalized: NormalizedInput(message: message))
    }

    private func published(_ team: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: state + "/queues/" + team + "/new").sorted()
    }

    func testTheSameInputTwiceInABatchIsCommittedOnce() throws {
        let outcomes = pipeline.process([input("a"), input("a"), input("b")])
        guard case .committed(let id, "Milieu", _) = outcomes[0] else { return XCTFail("\(outcomes)") }
        XCTAssertEqual(outcomes[1], .duplicate(id: id))
        XCTAssertTrue(outcomes[2].isCommitted)
        XCTAssertEqual(try published("milieu").count, 2)
        XCTAssertEqual(pipeline.process([input("a")]), [.duplicate(id: id)])
    }

    func testAFollowerCommittedBeforeItsLeaderFailsAndMayBeRetried() throws {
        let leader = pipeline.prepare(input("x"))
        let follower = pipeline.prepare(input("x"))
        guard case .failed(_, diskFull: false) = pipeline.commit([follower])[0] else { return XCTFail("follower not refused") }
        guard case .committed(let id, _, _) = pipeline.commit([leader])[0] else { return XCTFail("leader not committed") }
        XCTAssertEqual(pipeline.commit([pipeline.prepare(input("x"))]), [.duplicate(id: id)])
        XCTAssertEqual(try published("milieu").count, 1)
    }

    func testAnInputWaitingForItsIDGetsTheOutcomeOfTheFirst() throws {
        let pipeline = pipeline!
        let (first, second) = (input("w"), input("w"))
        let leader = pipeline.prepare(first)
        let waited = PreparedList()
        let finished = expectation(description: "the second input is settled")
        Thread.detachNewThread {
            waited.append(pipeline.prepare(second, waitingForSameID: true))
            finished.fulfill()
        }
        usleep(100_000)
        XCTAssertTrue(waited.all.isEmpty, "the second input waits while the first is in flight")
        guard case .committed(let id, _, _) = pipeline.commit([leader])[0] else { return XCTFail("first not committed") }
        wait(for: [finished], timeout: 5)
        XCTAssertEqual(pipeline.commit(waited.all), [.duplicate(id: id)])
        XCTAssertEqual(try published("milieu").count, 1)
    }

    func testPreparedOnManyThreadsThenCommittedAreEachCommittedOnce() throws {
        let prepared = PreparedList()
        let (pipeline, inputs) = (pipeline!, (0..<16).map { input("m\($0)") })
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            prepared.append(pipeline.prepare(inputs[index % 16]))
        }
        let outcomes = pipeline.commit(prepared.all)
        XCTAssertEqual(outcomes.filter { if case .committed = $0 { true } else { false } }.count, 16)
        XCTAssertEqual(outcomes.filter(\.isCommitted).count, 64)
        XCTAssertEqual(try published("milieu").count, 16)
    }
}

/// Prepared inputs gathered from several threads.
private final class PreparedList: Sendable {
    private let items = Mutex<[MessagePipeline.Prepared]>([])
    func append(_ item: MessagePipeline.Prepared) { items.withLock { $0.append(item) } }
    var all: [MessagePipeline.Prepared] { items.withLock { $0 } }
}
